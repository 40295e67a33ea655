using CodeCube.Core.Running;
using CodeCube.Host.Web;
using Microsoft.Extensions.Options;

namespace CodeCube.Host.Tests.Web;

public sealed class SnippetResponseTests
{
    private static readonly Snippet Chat = new(
        "AAAAAAAAAAAA", "python", "3.12.8", "print(1)", "", [], "1\n", "", RunOutcome.Completed, 0, 12, false,
        new SnippetAuthor("irc", "ada!~ada@secret-host.example", "ada"), new SnippetOrigin("irc", "#hidden-channel", "msg-4711"),
        new DateTimeOffset(2026, 11, 26, 5, 0, 0, TimeSpan.Zero), null);

    private static readonly Permalinks Links = new(Options.Create(new PermalinkOptions { PublicBaseUrl = "http://codecube.test" }));

    [Fact]
    public void The_response_holds_no_internal_id_so_logging_or_serialising_it_any_way_cannot_leak_one()
    {
        var response = SnippetResponse.From(Chat, Links);

        // ToString is what a log line shows. Only what the response holds can leak, so the ids must not be in it at
        // all, rather than in it and hidden from one serializer.
        string[] seen = [response.ToString(), JsonSerializer.Serialize<object>(response, JsonSerializerOptions.Web)];

        Assert.All(seen, text =>
        {
            Assert.DoesNotContain("secret-host", text, StringComparison.Ordinal);
            Assert.DoesNotContain("hidden-channel", text, StringComparison.Ordinal);
            Assert.DoesNotContain("msg-4711", text, StringComparison.Ordinal);
        });
        Assert.Equal(new PublicAuthor("irc", "ada"), response.Author);
        Assert.Equal("irc", response.Platform);
        Assert.Equal("http://codecube.test/s/AAAAAAAAAAAA", response.Permalink);
    }
}

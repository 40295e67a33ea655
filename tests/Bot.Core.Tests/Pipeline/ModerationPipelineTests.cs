using CodeCube.Core.Moderation;
using CodeCube.Core.Running;
using Microsoft.Extensions.Logging;
using static CodeCube.Core.Tests.Pipeline.PipelineHarness;

namespace CodeCube.Core.Tests.Pipeline;

public sealed class ModerationPipelineTests
{
    [Fact]
    public async Task A_banned_user_gets_no_run_and_one_notice()
    {
        using var h = new PipelineHarness();
        await h.Moderation.BanAsync(new PlatformUser("discord", "u1"), CancellationToken.None);

        await h.Created(Message("!run py print(1)", "m1"));
        await h.Created(Message("!run py print(2)", "m2"));
        await h.Created(Message("!help", "m3"));

        Assert.Equal(0, h.Sandbox.Started);
        Assert.Contains("blocked", h.OnlySent().Text, StringComparison.Ordinal);
        Assert.Empty(h.Store.Snippets);
    }

    [Fact]
    public async Task Another_user_on_the_same_platform_still_runs()
    {
        using var h = new PipelineHarness();
        await h.Moderation.BanAsync(new PlatformUser("irc", "u1"), CancellationToken.None);

        await h.Created(Message("!run py print(1)", "m1", user: "u1"));

        Assert.Equal(1, h.Sandbox.Started);
    }

    [Fact]
    public async Task Rerun_of_a_removed_snippet_says_it_was_removed()
    {
        using var h = new PipelineHarness();
        await h.Created(Message("!run py print(1)", "m1"));
        var id = Assert.Single(h.Store.Snippets.Keys);
        Assert.True(await h.Moderation.RemoveSnippetAsync(id, CancellationToken.None));

        await h.Created(Message($"!run {id}", "m2"));

        Assert.Equal($"snippet {id} was removed by a moderator", h.Adapter.Sent.Last().Reply.Text);
        Assert.Equal(1, h.Sandbox.Started);
    }

    [Fact]
    public async Task Every_run_logs_one_line_with_id_language_outcome_origin_and_a_hashed_user()
    {
        using var h = new PipelineHarness();

        await h.Created(Message("!run py print(1)", "m1", user: "80351110224678912"));

        var id = Assert.Single(h.Store.Snippets.Keys);
        var line = Assert.Single(h.Log.Entries, e => e.Message.StartsWith($"Run {id}:", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Information, line.Level);
        var hash = RunService.UserHash(new("discord", "80351110224678912", "Ann"));
        Assert.Equal($"Run {id}: python completed in 5 ms from discord by {hash} (cached False)", line.Message);
        Assert.DoesNotContain("80351110224678912", line.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("discord:123", "discord", "123")]
    [InlineData("IRC:nick", "irc", "nick")]
    [InlineData("slack:T1:U2", "slack", "T1:U2")]
    public void Platform_users_parse(string text, string platform, string user)
    {
        Assert.True(PlatformUser.TryParse(text, out var parsed));
        Assert.Equal(new PlatformUser(platform, user), parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("discord")]
    [InlineData(":123")]
    [InlineData("discord:")]
    [InlineData("dis cord:1")]
    [InlineData("discord:1 2")]
    public void Bad_platform_users_are_refused(string? text) => Assert.False(PlatformUser.TryParse(text, out _));
}

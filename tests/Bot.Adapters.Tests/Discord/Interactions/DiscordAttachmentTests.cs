using System.Text;
using System.Text.Json.Nodes;

namespace CodeCube.Adapters.Tests.Discord.Interactions;

/// <summary>Code from an attached file: allowed hosts only, sizes checked before and during the download, text only.</summary>
public sealed class DiscordAttachmentTests
{
    private const string Channel = "645027906669510667";

    private static Task<DiscordPipelineHarness> StartAsync(int maxCodeBytes = 65536) =>
        DiscordPipelineHarness.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Discord:AttachmentHosts:0"] = "127.0.0.1",
            ["InputLimits:MaxCodeBytes"] = maxCodeBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

    [Fact]
    public async Task Run_with_an_attached_source_file_runs_it_in_the_language_of_its_extension()
    {
        await using var h = await StartAsync();
        var file = h.Server.Attachment("main.py", Encoding.UTF8.GetBytes("print('from a file')\n"));

        var reply = await SayAsync(h, "!run", file);

        Assert.StartsWith("```\nprint('from a file')\n```", Content(reply), StringComparison.Ordinal);
        Assert.Equal("python", h.SnippetWithCode("print('from a file')\n").Language);
    }

    [Fact]
    public async Task The_language_and_args_in_the_command_win_over_the_extension()
    {
        await using var h = await StartAsync();
        var file = h.Server.Attachment("snippet.txt", Encoding.UTF8.GetBytes("console.log(1)"));

        await SayAsync(h, "!run js a b", file);

        var snippet = h.SnippetWithCode("console.log(1)");
        Assert.Equal("javascript", snippet.Language);
        Assert.Equal(["a", "b"], snippet.Args);
    }

    [Fact]
    public async Task A_declared_size_over_the_limit_is_refused_without_downloading()
    {
        await using var h = await StartAsync(maxCodeBytes: 100);
        var file = h.Server.Attachment("big.py", Encoding.UTF8.GetBytes("print(1)"), declaredSize: 5000);

        var reply = await SayAsync(h, "!run", file);

        Assert.Equal("big.py is 4.9 KiB; the limit is 100 bytes", Content(reply));
        Assert.Empty(h.Server.AttachmentDownloads);
        Assert.Empty(h.Sandbox.Requests);
    }

    [Fact]
    public async Task A_file_larger_than_it_declared_is_cut_off_during_the_download()
    {
        await using var h = await StartAsync(maxCodeBytes: 100);
        var file = h.Server.Attachment("lies.py", Encoding.UTF8.GetBytes(new string('#', 5000)), declaredSize: 10);

        var reply = await SayAsync(h, "!run", file);

        Assert.Equal("lies.py is larger than the limit of 100 bytes", Content(reply));
        Assert.Empty(h.Sandbox.Requests);
    }

    [Fact]
    public async Task A_binary_file_gets_a_one_line_answer()
    {
        await using var h = await StartAsync();
        var file = h.Server.Attachment("a.py", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]);

        var reply = await SayAsync(h, "!run", file);

        Assert.Equal("a.py is not a text file; attach source code", Content(reply));
        Assert.Empty(h.Sandbox.Requests);
    }

    [Fact]
    public async Task A_url_on_a_host_off_the_allow_list_is_never_fetched()
    {
        await using var h = await DiscordPipelineHarness.StartAsync();
        var file = h.Server.Attachment("main.py", Encoding.UTF8.GetBytes("print(1)"));

        var reply = await SayAsync(h, "!run", file);

        Assert.Equal("I could not fetch main.py; please try again", Content(reply));
        Assert.Empty(h.Server.AttachmentDownloads);
    }

    [Fact]
    public async Task Run_code_on_a_message_with_an_attached_file_runs_the_file()
    {
        await using var h = await StartAsync();
        var target = DiscordFixtures.Message("1270000000000000001", Channel, "here is my script");
        target["attachments"] = new JsonArray(h.Server.Attachment("script.py", Encoding.UTF8.GetBytes("print(42)")));

        var token = await h.Server.InteractAsync(2, DiscordProtocolServer.RunCodeCommand(target));

        var edit = await h.Server.WaitForWebhookAsync(token, "PATCH");
        Assert.StartsWith("```\nprint(42)\n```", (string?)edit.Json!["content"], StringComparison.Ordinal);
    }

    private static async Task<RestCall> SayAsync(DiscordPipelineHarness h, string text, JsonObject attachment)
    {
        var message = DiscordFixtures.Message("1280000000000000001", Channel, text);
        message["attachments"] = new JsonArray(attachment);
        await h.Server.Gateway.DispatchAsync("MESSAGE_CREATE", message);
        return await h.Server.WaitForCallAsync(c => c.Method == "POST" && c.Path == $"/channels/{Channel}/messages");
    }

    private static string Content(RestCall call) => (string?)call.Json!["content"] ?? "";
}

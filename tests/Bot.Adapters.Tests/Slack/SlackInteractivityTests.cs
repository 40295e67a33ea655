using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CodeCube.Adapters.Slack;
using static CodeCube.Testing.Slack.SlackInteractionPayloads;

namespace CodeCube.Adapters.Tests.Slack;

/// <summary>/run, the run_code shortcut and the reply buttons through the adapter and the real pipeline.</summary>
public sealed class SlackInteractivityTests
{
    [Fact]
    public async Task Slash_run_is_acknowledged_and_the_result_posted_in_channel_through_the_response_url()
    {
        await using var h = await SlackPipelineHarness.StartAsync();

        await h.Socket.SendAsync(SlashCommand("env-1", "py print(1)", h.Server.ResponseUrl("r1")).ToJsonString());

        await ExpectAckAsync(h.Socket, "env-1");
        var response = await h.Server.WaitForResponseAsync("r1");
        Assert.Equal("in_channel", (string?)response["response_type"]);
        Assert.StartsWith("```\nprint(1)\n```", (string?)response["text"], StringComparison.Ordinal);
        var snippet = h.SnippetWithCode("print(1)");
        Assert.Equal(User, snippet.Author.UserId);
        var blocks = response["blocks"]!.AsArray();
        Assert.Equal((string?)response["text"], (string?)blocks[0]!["text"]!["text"]);
        var buttons = blocks[1]!["elements"]!.AsArray();
        Assert.Equal(["codecube_again", "codecube_delete", "codecube_open"], buttons.Select(b => (string?)b!["action_id"]));
        Assert.Equal(snippet.Id, (string?)buttons[0]!["value"]);
        Assert.Equal($"https://cc.example/s/{snippet.Id}", (string?)buttons[2]!["url"]);
    }

    [Fact]
    public async Task A_slash_command_the_bot_cannot_use_is_answered_only_to_the_caller()
    {
        await using var h = await SlackPipelineHarness.StartAsync();

        await h.Socket.SendAsync(SlashCommand("env-1", "cobol DISPLAY 1", h.Server.ResponseUrl("r1")).ToJsonString());

        var response = await h.Server.WaitForResponseAsync("r1");
        Assert.Equal("ephemeral", (string?)response["response_type"]);
        Assert.Contains("unknown language 'cobol'", (string?)response["text"], StringComparison.Ordinal);
        Assert.Empty(h.Sandbox.Requests);
    }

    [Fact]
    public async Task The_shortcut_runs_the_message_code_block_and_answers_in_its_thread()
    {
        await using var h = await SlackPipelineHarness.StartAsync();

        await h.Socket.SendAsync(Shortcut("env-1", "look:\n```python\nprint(2)\n```", "1610198000.000100",
            h.Server.ResponseUrl("r1")).ToJsonString());

        await ExpectAckAsync(h.Socket, "env-1");
        var post = await h.Server.WaitForCallAsync("chat.postMessage");
        Assert.Equal("1610198000.000100", (string?)post.Args["thread_ts"]);
        Assert.Equal(ChannelId, (string?)post.Args["channel"]);
        Assert.Equal("codecube_again", (string?)post.Args["blocks"]![1]!["elements"]![0]!["action_id"]);
        Assert.Equal("1610198000.000100", h.SnippetWithCode("print(2)").Origin.MessageId);
    }

    [Fact]
    public async Task Run_again_replaces_the_reply_with_the_new_run()
    {
        await using var h = await SlackPipelineHarness.StartAsync();
        var first = await RunAsync(h, "print(1)");

        await h.Socket.SendAsync(ButtonClick("env-2", "codecube_again", first, "1700000000.000101",
            h.Server.ResponseUrl("r2"), user: "U999").ToJsonString());

        await ExpectAckAsync(h.Socket, "env-2");
        var response = await h.Server.WaitForResponseAsync("r2");
        Assert.True((bool?)response["replace_original"]);
        var again = h.Snippets.Snippets.Values.Single(s => s.ParentId == first);
        Assert.Equal("U999", again.Author.UserId);
        Assert.Equal(again.Id, (string?)response["blocks"]![1]!["elements"]![0]!["value"]);
    }

    [Fact]
    public async Task Delete_by_the_author_deletes_the_reply_and_by_someone_else_answers_only_them()
    {
        await using var h = await SlackPipelineHarness.StartAsync();
        var id = await RunAsync(h, "print(1)");

        await h.Socket.SendAsync(ButtonClick("env-2", "codecube_delete", id, "1700000000.000101",
            h.Server.ResponseUrl("other"), user: "U999").ToJsonString());
        var refusal = await h.Server.WaitForResponseAsync("other");
        Assert.Equal("ephemeral", (string?)refusal["response_type"]);
        Assert.False((bool?)refusal["replace_original"]);
        Assert.Contains("only the person who ran this", (string?)refusal["text"], StringComparison.Ordinal);

        await h.Socket.SendAsync(ButtonClick("env-3", "codecube_delete", id, "1700000000.000101",
            h.Server.ResponseUrl("author")).ToJsonString());
        var delete = await h.Server.WaitForResponseAsync("author");
        Assert.True((bool?)delete["delete_original"]);
    }

    [Fact]
    public async Task A_run_message_reply_carries_the_buttons()
    {
        await using var h = await SlackPipelineHarness.StartAsync();

        await h.Socket.SendAsync(SlackFixtures.Envelope("env-1", "Ev1", e =>
        {
            e["ts"] = "1610241741.000200";
            e["text"] = "!run py\n```print(7)```";
        }));

        var post = await h.Server.WaitForCallAsync("chat.postMessage");
        Assert.Equal(h.SnippetWithCode("print(7)").Id, (string?)post.Args["blocks"]![1]!["elements"]![0]!["value"]);
    }

    [Fact]
    public async Task A_shared_file_is_downloaded_with_the_bot_token_and_run()
    {
        await using var h = await SlackPipelineHarness.StartAsync();
        var file = h.Server.SharedFile("main.py", Encoding.UTF8.GetBytes("print('file')"));

        await h.Socket.SendAsync(SlackFixtures.Envelope("env-1", "Ev1", e =>
        {
            e["subtype"] = "file_share";
            e["ts"] = "1610241741.000200";
            e["text"] = "!run";
            e["files"] = new JsonArray(file);
        }));

        var post = await h.Server.WaitForCallAsync("chat.postMessage");
        Assert.StartsWith("```\nprint('file')\n```", (string?)post.Args["text"], StringComparison.Ordinal);
        Assert.Equal("python", h.SnippetWithCode("print('file')").Language);
        Assert.Equal(["Bearer " + SlackTestServer.BotToken], h.Server.FileDownloads);
    }

    [Fact]
    public async Task Http_commands_and_interactive_endpoints_check_the_signature_and_queue_the_payload()
    {
        await using var h = await SlackPipelineHarness.StartAsync("EventsApi");
        var command = $"command=%2Frun&text=py+print%289%29&user_id={User}&channel_id={ChannelId}"
            + $"&response_url={Uri.EscapeDataString(h.Server.ResponseUrl("http1").AbsoluteUri)}";

        Assert.Equal(401, h.Receiver.HandleCommand(Encoding.UTF8.GetBytes(command), Headers(h, command, "v0=00")).StatusCode);
        Assert.Equal(200, h.Receiver.HandleCommand(Encoding.UTF8.GetBytes(command), Headers(h, command)).StatusCode);
        var response = await h.Server.WaitForResponseAsync("http1");
        Assert.StartsWith("```\nprint(9)\n```", (string?)response["text"], StringComparison.Ordinal);

        var click = ButtonClick("x", "codecube_delete", h.SnippetWithCode("print(9)").Id, "1700000000.000101",
            h.Server.ResponseUrl("http2"))["payload"]!.ToJsonString();
        var form = "payload=" + Uri.EscapeDataString(click);
        Assert.Equal(401, h.Receiver.HandleInteractive(Encoding.UTF8.GetBytes(form), Headers(h, form + " ")).StatusCode);
        Assert.Equal(200, h.Receiver.HandleInteractive(Encoding.UTF8.GetBytes(form), Headers(h, form)).StatusCode);
        Assert.True((bool?)(await h.Server.WaitForResponseAsync("http2"))["delete_original"]);
        Assert.Single(h.Server.Responses, r => r.Id == "http1");
    }

    [Fact]
    public async Task The_endpoints_answer_404_in_socket_mode()
    {
        await using var h = await SlackPipelineHarness.StartAsync();

        Assert.Equal(404, h.Receiver.HandleCommand("text=x"u8, _ => null).StatusCode);
        Assert.Equal(404, h.Receiver.HandleInteractive("payload=%7B%7D"u8, _ => null).StatusCode);
    }

    [Theory]
    [InlineData("https://hooks.slack.com/commands/T1/2/x", true)]
    [InlineData("http://hooks.slack.com/commands/T1/2/x", false)]
    [InlineData("https://hooks.slack.com.evil.example/x", false)]
    [InlineData("https://169.254.169.254/latest/meta-data", false)]
    [InlineData("http://127.0.0.1:1/x", false)]
    public void Response_urls_go_only_to_allowed_hosts(string url, bool allowed) =>
        Assert.Equal(allowed, SlackWebApi.IsAllowedResponseUrl(new Uri(url), ["hooks.slack.com"]));

    private static async Task<string> RunAsync(SlackPipelineHarness h, string code)
    {
        await h.Socket.SendAsync(SlashCommand("env-run", "py " + code, h.Server.ResponseUrl("run")).ToJsonString());
        await ExpectAckAsync(h.Socket, "env-run");
        await h.Server.WaitForResponseAsync("run");
        return h.SnippetWithCode(code).Id;
    }

    private static async Task ExpectAckAsync(SlackTestSocket socket, string envelopeId)
    {
        var ack = JsonDocument.Parse(await socket.ReceiveAsync()).RootElement;
        Assert.Equal(envelopeId, ack.GetProperty("envelope_id").GetString());
    }

    private static Func<string, string?> Headers(SlackPipelineHarness h, string signedBody, string? signature = null)
    {
        var timestamp = h.Time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(SlackPipelineHarness.Secret),
            Encoding.UTF8.GetBytes($"v0:{timestamp}:{signedBody}"));
        var headers = new Dictionary<string, string>
        {
            ["X-Slack-Request-Timestamp"] = timestamp,
            ["X-Slack-Signature"] = signature ?? "v0=" + Convert.ToHexStringLower(mac),
        };
        return name => headers.GetValueOrDefault(name);
    }
}

using CodeCube.Adapters.Tests.Slack;
using CodeCube.EndToEnd.Tests.Infrastructure;
using CodeCube.Host.Tests.Infrastructure;
using static CodeCube.Adapters.Tests.Slack.SlackInteractionPayloads;

namespace CodeCube.EndToEnd.Tests.Slack;

/// <summary>
/// /run and the Run code shortcut through the real host in Socket Mode and the Docker sandbox: the slash command's
/// answer goes to its response_url, the shortcut's into the message's thread.
/// </summary>
public sealed class SlackCommandsEndToEndTests : IAsyncLifetime
{
    private readonly RedisServerFixture _redis = new();
    private SlackTestServer _slack = null!;
    private CodeCubeApp _app = null!;
    private SlackTestSocket _socket = null!;

    public async Task InitializeAsync()
    {
        await _redis.InitializeAsync();
        _slack = await SlackTestServer.StartAsync(TimeProvider.System);
        _app = CodeCubeApp.Start(_redis.Configuration, new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = SlackTestServer.BotToken,
            ["Slack:AppToken"] = SlackTestServer.AppToken,
            ["Slack:ApiBaseUrl"] = _slack.ApiBaseUrl.AbsoluteUri,
            ["Slack:Mode"] = "SocketMode",
            ["Slack:ResponseUrlHosts:0"] = _slack.BaseUrl.Host,
        });
        _socket = await _slack.AcceptSocketAsync();
        await _socket.SendAsync(SlackFixtures.Text("socketmode-sdk-hello.json"));
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _slack.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task Slash_run_posts_the_result_in_channel_with_buttons()
    {
        await _socket.SendAsync(SlashCommand("env-1", "py print(6 * 7)", _slack.ResponseUrl("r1")).ToJsonString());

        var response = await WaitForResponseAsync("r1");
        Assert.Equal("in_channel", (string?)response["response_type"]);
        var text = (string)response["text"]!;
        Assert.StartsWith("```\n42\n```", text, StringComparison.Ordinal);
        var id = _app.PermalinkId(text);
        Assert.Equal("print(6 * 7)", (await _app.SnippetAsync(id)).Code);
        Assert.Equal(id, (string?)response["blocks"]![1]!["elements"]![0]!["value"]);
    }

    [Fact]
    public async Task The_run_code_shortcut_answers_in_the_thread_of_the_message()
    {
        await _socket.SendAsync(Shortcut("env-1", "```python\nprint('shortcut')\n```", "1610198000.000100",
            _slack.ResponseUrl("r1")).ToJsonString());

        var post = await WaitForPostAsync();
        Assert.Equal("1610198000.000100", (string?)post.Args["thread_ts"]);
        var text = (string)post.Args["text"]!;
        Assert.StartsWith("```\nshortcut\n```", text, StringComparison.Ordinal);
        Assert.Equal("print('shortcut')", (await _app.SnippetAsync(_app.PermalinkId(text))).Code);
    }

    private async Task<System.Text.Json.Nodes.JsonObject> WaitForResponseAsync(string id)
    {
        var deadline = Environment.TickCount64 + 60_000;
        while (Environment.TickCount64 < deadline)
        {
            if (_slack.Responses.FirstOrDefault(r => r.Id == id) is { Message: { } message })
            {
                return message;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"nothing was posted to response_url {id}");
    }

    private async Task<RecordedCall> WaitForPostAsync()
    {
        var deadline = Environment.TickCount64 + 60_000;
        while (Environment.TickCount64 < deadline)
        {
            if (_slack.CallsTo("chat.postMessage").FirstOrDefault() is { } call)
            {
                return call;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("no chat.postMessage");
    }
}

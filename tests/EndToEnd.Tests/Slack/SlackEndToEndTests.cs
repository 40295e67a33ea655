using System.Text.Json;

namespace CodeCube.EndToEnd.Tests.Slack;

/// <summary>
/// The real host in Socket Mode against a local Slack (Web API + Socket Mode WebSocket): a user's message arrives as
/// an events_api envelope, runs in the Docker sandbox, and the answer is a chat.postMessage in the thread.
/// </summary>
public sealed class SlackEndToEndTests(ITestOutputHelper output) : EndToEndTest(output)
{
    private SlackTestServer _slack = null!;
    private SlackTestSocket _socket = null!;
    private int _events;

    protected override async Task<IReadOnlyDictionary<string, string?>> StartServersAsync()
    {
        _slack = await SlackTestServer.StartAsync(TimeProvider.System);
        return new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = SlackTestServer.BotToken,
            ["Slack:AppToken"] = SlackTestServer.AppToken,
            ["Slack:ApiBaseUrl"] = _slack.ApiBaseUrl.AbsoluteUri,
            ["Slack:Mode"] = "SocketMode",
            ["Slack:ResponseUrlHosts:0"] = _slack.BaseUrl.Host,
        };
    }

    protected override async Task HostStartedAsync()
    {
        _socket = await _slack.AcceptSocketAsync();
        await _socket.SendAsync(SlackFixtures.Text("socketmode-sdk-hello.json"));
    }

    protected override ValueTask StopAroundAsync() => _slack.DisposeAsync();

    [Fact]
    public async Task A_fenced_python_block_is_answered_in_the_thread_with_output_footer_and_a_permalink_the_host_serves()
    {
        var ts = await SayAsync("!run py\n```print(1)```");

        var post = await NextPostAsync();
        Assert.Equal(ts, post.Args["thread_ts"]!.GetValue<string>());
        Assert.Equal("C111", post.Args["channel"]!.GetValue<string>());
        var text = post.Args["text"]!.GetValue<string>();
        Assert.StartsWith("```\n1\n```", text, StringComparison.Ordinal);
        var version = await App.PythonVersionAsync();
        Assert.Contains($"python {version} · ", text, StringComparison.Ordinal);
        var snippet = await App.SnippetAsync(App.PermalinkId(text));
        Assert.Equal("print(1)", snippet.Code);
        Assert.Equal("1\n", snippet.Stdout);
        Assert.Equal(version, snippet.Version);
    }

    [Fact]
    public async Task Slack_entities_in_the_code_are_decoded_before_it_runs()
    {
        await SayAsync("!run py\n```print(1 &lt; 2, 3 &gt; 4, 'a &amp; b')```");

        var text = (await NextPostAsync()).Args["text"]!.GetValue<string>();
        // The output is escaped again on its way out: & becomes &amp; in mrkdwn.
        Assert.StartsWith("```\nTrue False a &amp; b\n```", text, StringComparison.Ordinal);
        var snippet = await App.SnippetAsync(App.PermalinkId(text));
        Assert.Equal("print(1 < 2, 3 > 4, 'a & b')", snippet.Code);
        Assert.Equal("True False a & b\n", snippet.Stdout);
    }

    [Fact]
    public async Task A_channel_mention_in_the_output_arrives_escaped()
    {
        // The program builds "<!channel>" itself, so only the output carries it.
        await SayAsync("!run py\n```print(chr(60) + '!channel' + chr(62))```");

        var text = (await NextPostAsync()).Args["text"]!.GetValue<string>();
        Assert.DoesNotContain("<!channel>", text, StringComparison.Ordinal);
        Assert.Contains("&lt;!channel&gt;", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Long_output_is_uploaded_as_a_file_in_the_thread()
    {
        var ts = await SayAsync("!run py\n```print('y' * 5000)```");

        var complete = await _slack.WaitForCallAsync("files.completeUploadExternal", within: RunTimeout);
        Assert.Equal(ts, complete.Args["thread_ts"]!.GetValue<string>());
        var upload = Assert.Single(_slack.Uploads);
        Assert.Contains(new string('y', 5000), System.Text.Encoding.UTF8.GetString(upload.Value), StringComparison.Ordinal);
        var comment = complete.Args["initial_comment"]?.GetValue<string>() ?? "";
        var snippet = await App.SnippetAsync(App.PermalinkId(comment));
        Assert.Equal(new string('y', 5000) + "\n", snippet.Stdout);
    }

    /// <summary>Sends a user's message as an events_api envelope, waits for the ack and returns its ts.</summary>
    [Fact]
    public async Task Slash_run_posts_the_result_in_channel_with_buttons_through_the_response_url()
    {
        await _socket.SendAsync(SlackInteractionPayloads.SlashCommand("env-slash", "py print(6 * 7)",
            _slack.ResponseUrl("r1")).ToJsonString());

        var response = await _slack.WaitForResponseAsync("r1", within: RunTimeout);
        Assert.Equal("in_channel", (string?)response["response_type"]);
        var text = (string)response["text"]!;
        Assert.StartsWith("```\n42\n```", text, StringComparison.Ordinal);
        var id = App.PermalinkId(text);
        Assert.Equal("print(6 * 7)", (await App.SnippetAsync(id)).Code);
        Assert.Equal(id, (string?)response["blocks"]![1]!["elements"]![0]!["value"]);
    }

    [Fact]
    public async Task The_run_code_shortcut_answers_in_the_thread_of_the_message()
    {
        await _socket.SendAsync(SlackInteractionPayloads.Shortcut("env-shortcut", "```python\nprint('shortcut')\n```",
            "1610198000.000100", _slack.ResponseUrl("r1")).ToJsonString());

        var post = await NextPostAsync();
        Assert.Equal("1610198000.000100", (string?)post.Args["thread_ts"]);
        var text = (string)post.Args["text"]!;
        Assert.StartsWith("```\nshortcut\n```", text, StringComparison.Ordinal);
        Assert.Equal("print('shortcut')", (await App.SnippetAsync(App.PermalinkId(text))).Code);
    }

    private async Task<string> SayAsync(string text)
    {
        var n = Interlocked.Increment(ref _events);
        var ts = $"1610241741.{n:D6}";
        var envelopeId = $"env-{n}";
        await _socket.SendAsync(SlackFixtures.Envelope(envelopeId, $"Ev{n}", e =>
        {
            e["ts"] = ts;
            e["event_ts"] = ts;
            e["text"] = text;
        }));
        var ack = JsonDocument.Parse(await _socket.ReceiveAsync()).RootElement;
        Assert.Equal(envelopeId, ack.GetProperty("envelope_id").GetString());
        return ts;
    }

    private async Task<RecordedCall> NextPostAsync()
    {
        await _slack.WaitForCallAsync("chat.postMessage", within: RunTimeout);
        return Assert.Single(_slack.CallsTo("chat.postMessage"));
    }
}

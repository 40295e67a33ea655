using System.Text.Json.Nodes;

namespace CodeCube.EndToEnd.Tests.Slack;

/// <summary>
/// The real host in Events API mode: Slack POSTs signed events to the host's /slack/events, and the answer goes out
/// through the local Slack's Web API.
/// </summary>
public sealed class SlackEventsApiEndToEndTests(ITestOutputHelper output) : EndToEndTest(output)
{
    private const string SigningSecret = "e2e-signing-secret";
    private SlackTestServer _slack = null!;

    protected override async Task<IReadOnlyDictionary<string, string?>> StartServersAsync()
    {
        _slack = await SlackTestServer.StartAsync(TimeProvider.System);
        return new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = SlackTestServer.BotToken,
            ["Slack:SigningSecret"] = SigningSecret,
            ["Slack:ApiBaseUrl"] = _slack.ApiBaseUrl.AbsoluteUri,
            ["Slack:Mode"] = "EventsApi",
        };
    }

    protected override ValueTask StopAroundAsync() => _slack.DisposeAsync();

    [Fact]
    public async Task A_signed_event_posted_to_the_host_is_answered_in_the_thread_with_output_and_a_permalink()
    {
        var callback = SlackFixtures.Json("events-callback-message.json");
        callback["event"]!["text"] = "!run py\n```print(1 &lt; 2)```";
        var ts = callback["event"]!["ts"]!.GetValue<string>();

        using var response = await PostSignedAsync(callback.ToJsonString());

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var post = await _slack.WaitForCallAsync("chat.postMessage", within: RunTimeout);
        Assert.Equal(ts, post.Args["thread_ts"]!.GetValue<string>());
        var text = post.Args["text"]!.GetValue<string>();
        Assert.StartsWith("```\nTrue\n```", text, StringComparison.Ordinal);
        var snippet = await App.SnippetAsync(App.PermalinkId(text));
        Assert.Equal("print(1 < 2)", snippet.Code);
    }

    [Fact]
    public async Task Editing_the_message_reruns_and_updates_the_reply_and_deleting_it_deletes_the_reply()
    {
        var callback = SlackFixtures.Json("events-callback-message.json");
        callback["event"]!["text"] = "!run py\n```print(1)```";
        var ts = callback["event"]!["ts"]!.GetValue<string>();
        (await PostSignedAsync(callback.ToJsonString())).Dispose();
        var post = await _slack.WaitForCallAsync("chat.postMessage", within: RunTimeout);
        Assert.StartsWith("```\n1\n```", post.Args["text"]!.GetValue<string>(), StringComparison.Ordinal);

        var changed = SlackFixtures.Json("events-callback-message_changed.json");
        changed["event_id"] = "EvEdit";
        changed["event"]!["channel"] = callback["event"]!["channel"]!.GetValue<string>();
        changed["event"]!["message"]!["ts"] = ts;
        changed["event"]!["message"]!["text"] = "!run py\n```print(2)```";
        (await PostSignedAsync(changed.ToJsonString())).Dispose();
        var update = await _slack.WaitForCallAsync("chat.update", within: RunTimeout);
        // The bot posted exactly one message (its reply), so the message it updates and deletes is that reply.
        var replyTs = update.Args["ts"]!.GetValue<string>();
        Assert.NotEqual(ts, replyTs);
        Assert.StartsWith("```\n2\n```", update.Args["text"]!.GetValue<string>(), StringComparison.Ordinal);

        var deleted = SlackFixtures.Json("events-callback-message_deleted.json");
        deleted["event_id"] = "EvDelete";
        deleted["event"]!["channel"] = callback["event"]!["channel"]!.GetValue<string>();
        deleted["event"]!["deleted_ts"] = ts;
        (await PostSignedAsync(deleted.ToJsonString())).Dispose();
        var delete = await _slack.WaitForCallAsync("chat.delete", within: RunTimeout);
        Assert.Equal(replyTs, delete.Args["ts"]!.GetValue<string>());
        Assert.Single(_slack.CallsTo("chat.postMessage"));
    }

    [Fact]
    public async Task An_unsigned_event_is_refused_and_runs_nothing()
    {
        var callback = SlackFixtures.Json("events-callback-message.json");
        callback["event"]!["text"] = "!run py\n```print(1)```";
        using var content = new StringContent(callback.ToJsonString(), Encoding.UTF8, "application/json");

        using var response = await App.Http.PostAsync("/slack/events", content);

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_slack.CallsTo("chat.postMessage"));
    }

    private async Task<HttpResponseMessage> PostSignedAsync(string body)
    {
        using var request = SlackRequests.SignedEvent(body, SigningSecret, DateTimeOffset.UtcNow);
        return await App.Http.SendAsync(request);
    }
}

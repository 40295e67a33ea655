namespace CodeCube.Adapters.Tests.Slack;

public sealed class SlackSocketModeTests
{
    private static string UserMessage(string envelopeId, string eventId, string ts, string text) =>
        SlackFixtures.Envelope(envelopeId, eventId, e =>
        {
            e["ts"] = ts;
            e["event_ts"] = ts;
            e["text"] = text;
        });

    private static async Task ExpectAckAsync(SlackTestSocket socket, string envelopeId)
    {
        var ack = JsonDocument.Parse(await socket.ReceiveAsync()).RootElement;
        Assert.Equal(envelopeId, ack.GetProperty("envelope_id").GetString());
    }

    [Fact]
    public async Task Refresh_while_a_reply_is_in_flight_loses_no_event_and_handles_none_twice()
    {
        await using var harness = await SlackHarness.StartAsync();
        var server = harness.Server;

        var first = await harness.ConnectSocketAsync();
        var open = await server.WaitForCallAsync("apps.connections.open");
        Assert.Equal("Bearer " + SlackTestServer.AppToken, open.Authorization);
        Assert.Equal("Bearer " + SlackTestServer.BotToken, server.CallsTo("auth.test").Single().Authorization);

        await first.SendAsync(UserMessage("env-1", "Ev1", "1610241741.000200", "!run py\n```print(1)```"));
        await ExpectAckAsync(first, "env-1");
        var created = Assert.IsType<MessageCreated>(await harness.NextEventAsync());
        Assert.Equal("1610241741.000200", created.Message.MessageId);

        // The reply is held by the server while Slack rotates the connection underneath it.
        var release = new TaskCompletionSource();
        using var releaseIfFailed = new ReleaseOnDispose(release);
        server.Script("chat.postMessage", new ScriptedAnswer(200,
            """{"ok":true,"channel":"C111","ts":"1610241742.000300"}""", HoldUntil: release.Task));
        var reply = harness.Adapter.SendAsync(
            new OutgoingReply(created.Message.Where, "ok", created.Message.MessageId), CancellationToken.None);
        await server.WaitForCallAsync("chat.postMessage");

        await first.SendAsync(SlackFixtures.Text("socketmode-docs-disconnect-refresh_requested.json"));
        var second = await server.AcceptSocketAsync();
        Assert.Equal(2, server.CallsTo("apps.connections.open").Count);

        // The old socket still delivers until the new one is ready; Slack redelivers the same event on the new one.
        await first.SendAsync(UserMessage("env-2", "Ev2", "1610241743.000400", "second"));
        await ExpectAckAsync(first, "env-2");
        Assert.False(first.ClosedByBot.IsCompleted, "the old socket must stay open until the new one said hello");
        await second.SendAsync(SlackFixtures.Text("socketmode-sdk-hello.json"));
        await first.ClosedByBot.WaitAsync(TimeSpan.FromSeconds(20));

        await second.SendAsync(UserMessage("env-2-retry", "Ev2", "1610241743.000400", "second"));
        await ExpectAckAsync(second, "env-2-retry");
        await second.SendAsync(UserMessage("env-3", "Ev3", "1610241744.000500", "third"));
        await ExpectAckAsync(second, "env-3");

        release.SetResult();
        var sent = await reply;
        Assert.Equal("1610241742.000300", sent.MessageId);

        var texts = new[]
        {
            Assert.IsType<MessageCreated>(await harness.NextEventAsync()).Message.Text,
            Assert.IsType<MessageCreated>(await harness.NextEventAsync()).Message.Text,
        };
        Assert.Equal(["second", "third"], texts);
        await harness.AssertNoMoreEventsAsync();
        var post = Assert.Single(server.CallsTo("chat.postMessage"));
        Assert.Equal("1610241741.000200", post.Args["thread_ts"]!.GetValue<string>());
    }

    [Fact]
    public async Task Warning_disconnect_opens_the_next_connection_before_closing_the_old_one()
    {
        await using var harness = await SlackHarness.StartAsync();
        var first = await harness.ConnectSocketAsync();
        await first.SendAsync(SlackFixtures.Text("socketmode-docs-disconnect-warning.json"));

        var second = await harness.Server.AcceptSocketAsync();
        Assert.False(first.ClosedByBot.IsCompleted);
        await second.SendAsync(SlackFixtures.Text("socketmode-sdk-hello.json"));
        await first.ClosedByBot.WaitAsync(TimeSpan.FromSeconds(20));

        await second.SendAsync(UserMessage("env-9", "Ev9", "1610241745.000100", "after warning"));
        await ExpectAckAsync(second, "env-9");
        Assert.Equal("after warning",
            Assert.IsType<MessageCreated>(await harness.NextEventAsync()).Message.Text);
    }

    [Fact]
    public async Task Dropped_socket_is_reopened_after_a_backoff()
    {
        await using var harness = await SlackHarness.StartAsync();
        var first = await harness.ConnectSocketAsync();
        await harness.Server.WaitForCallAsync("apps.connections.open");
        first.Abort();

        // Nothing reconnects until the backoff has passed on the adapter's clock.
        await Eventually.NeverAsync(() => harness.Server.CallsTo("apps.connections.open").Count > 1,
            "reconnected before the backoff passed", TimeSpan.FromMilliseconds(200));
        var accept = harness.Server.AcceptSocketAsync();
        await harness.Time.AdvanceUntilAsync(() => accept.IsCompleted, "the socket to be reopened");

        var second = await accept;
        await second.SendAsync(SlackFixtures.Text("socketmode-sdk-hello.json"));
        await second.SendAsync(UserMessage("env-5", "Ev5", "1610241746.000100", "back"));
        await ExpectAckAsync(second, "env-5");
        Assert.Equal("back", Assert.IsType<MessageCreated>(await harness.NextEventAsync()).Message.Text);
    }

    [Fact]
    public async Task A_socket_that_took_half_a_minute_to_open_and_then_dropped_is_a_failure_in_a_row()
    {
        await using var harness = await SlackHarness.StartAsync();
        var server = harness.Server;
        var first = await harness.ConnectSocketAsync();
        await server.WaitForCallAsync("apps.connections.open");
        first.Abort();
        var accept = server.AcceptSocketAsync();
        await harness.Time.AdvanceUntilAsync(() => accept.IsCompleted, "the second socket");

        // The third apps.connections.open is answered only after longer than a healthy session lasts.
        var release = new TaskCompletionSource();
        using var releaseIfFailed = new ReleaseOnDispose(release);
        server.Script("apps.connections.open", new ScriptedAnswer(200,
            $$"""{"ok":true,"url":"ws://{{server.BaseUrl.Authority}}/link/?ticket=held"}""", HoldUntil: release.Task));
        var second = await accept;
        await second.SendAsync(SlackFixtures.Text("socketmode-sdk-hello.json"));
        second.Abort();
        await harness.Time.AdvanceUntilAsync(() => server.CallsTo("apps.connections.open").Count == 3, "the third open");
        harness.Time.Advance(TimeSpan.FromSeconds(30));
        release.SetResult();
        var third = await harness.ConnectSocketAsync();
        await third.SendAsync(UserMessage("env-7", "Ev7", "1610241747.000100", "hello seen"));
        await ExpectAckAsync(third, "env-7");
        var timers = harness.Time.DueTimes.Count;
        third.Abort();

        // Up for no time since hello: the third failure in a row, a step of four seconds jittered to two or more. Had
        // the count started again, the wait would be under one and a half. (5 s is the close handshake's timeout.)
        var wait = await harness.Time.NextDueTimeAsync(timers, d => d > TimeSpan.Zero && d != TimeSpan.FromSeconds(5), "the reconnect wait");
        Assert.InRange(wait, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(6));
    }

    [Fact]
    public async Task Invalid_app_token_stops_the_adapter_with_a_clear_message()
    {
        await using var harness = await SlackHarness.StartAsync(appToken: "xapp-revoked");
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Pump);
        Assert.Contains("invalid_auth", error.Message, StringComparison.Ordinal);
        Assert.Contains("Slack:AppToken", error.Message, StringComparison.Ordinal);
        Assert.Single(harness.Server.CallsTo("apps.connections.open"));
    }

    [Fact]
    public async Task Link_disabled_disconnect_stops_the_adapter()
    {
        await using var harness = await SlackHarness.StartAsync();
        var socket = await harness.ConnectSocketAsync();
        await socket.SendAsync(SlackFixtures.Text("socketmode-docs-disconnect-link_disabled.json"));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Pump);
        Assert.Contains("link_disabled", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Own_and_other_bot_messages_are_acked_but_not_handled()
    {
        await using var harness = await SlackHarness.StartAsync();
        var socket = await harness.ConnectSocketAsync();
        // auth.test's fixture says we are user W23456789, bot BZYBOTHED.
        await socket.SendAsync(SlackFixtures.Envelope("env-own", "EvOwn", e => e["user"] = "W23456789"));
        await ExpectAckAsync(socket, "env-own");
        await socket.SendAsync(SlackFixtures.Envelope("env-bot", "EvBot", e => e["bot_id"] = "B999"));
        await ExpectAckAsync(socket, "env-bot");
        await socket.SendAsync(UserMessage("env-user", "EvUser", "1610241747.000100", "human"));
        await ExpectAckAsync(socket, "env-user");

        Assert.Equal("human", Assert.IsType<MessageCreated>(await harness.NextEventAsync()).Message.Text);
        await harness.AssertNoMoreEventsAsync();
    }

    /// <summary>Lets a held server response go when a failed assertion leaves the test early.</summary>
    private sealed class ReleaseOnDispose(TaskCompletionSource hold) : IDisposable
    {
        public void Dispose() => hold.TrySetResult();
    }
}

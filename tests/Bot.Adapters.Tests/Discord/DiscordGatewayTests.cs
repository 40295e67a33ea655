namespace CodeCube.Adapters.Tests.Discord;

public sealed class DiscordGatewayTests
{
    private const string Channel = "290926798999357250";

    [Fact]
    public async Task Identify_carries_token_properties_and_intents_37377_on_the_url_from_gateway_bot()
    {
        await using var h = await DiscordTestHarness.StartAsync();

        var identify = await h.Gateway.WaitForAsync(p => p.Op == 2);
        var d = identify.Payload["d"]!;
        Assert.Equal(DiscordProtocolServer.Token, (string?)d["token"]);
        Assert.Equal(37377, (int)d["intents"]!);
        Assert.Equal((1 << 0) | (1 << 9) | (1 << 12) | (1 << 15), (int)d["intents"]!);
        Assert.False(string.IsNullOrEmpty((string?)d["properties"]!["os"]));
        Assert.False(string.IsNullOrEmpty((string?)d["properties"]!["browser"]));
        Assert.False(string.IsNullOrEmpty((string?)d["properties"]!["device"]));
        var gatewayBot = Assert.Single(h.Server.Calls, c => c.Path == "/gateway/bot");
        Assert.Equal("Bot " + DiscordProtocolServer.Token, gatewayBot.Authorization);
        Assert.Equal("DiscordBot (https://github.com/codecube/codecube, 1.0)", gatewayBot.UserAgent);
        var connection = Assert.Single(h.Gateway.Connections);
        Assert.Equal("/gateway", connection.Path);
        Assert.Equal("?v=10&encoding=json", connection.Query);
    }

    [Fact]
    public async Task Heartbeats_start_at_interval_times_jitter_then_follow_the_interval_with_the_last_sequence()
    {
        await using var h = await DiscordTestHarness.StartAsync(g => g.ReadyOnIdentify = false, jitter: 0.25);
        bool Beats(int n) => h.Gateway.Received.Count(p => p.Op == 1) >= n;

        h.Time.Advance(TimeSpan.FromMilliseconds(11249)); // 45000 x 0.25 = 11250
        await Eventually.NeverAsync(() => Beats(1), "the first heartbeat came before interval × jitter");
        h.Time.Advance(TimeSpan.FromMilliseconds(1));
        var first = await h.Gateway.WaitForAsync(p => p.Op == 1);
        Assert.Null(first.Payload["d"]); // no dispatch yet

        await h.DeliverAsync("1000000000000000001"); // seq 1
        h.Time.Advance(TimeSpan.FromMilliseconds(44999));
        await Eventually.NeverAsync(() => Beats(2), "the second heartbeat came before the interval");
        h.Time.Advance(TimeSpan.FromMilliseconds(1));
        await Eventually.TrueAsync(() => Beats(2), "the second heartbeat");
        var second = h.Gateway.Received.Where(p => p.Op == 1).ElementAt(1);
        Assert.Equal(1, (long)second.Payload["d"]!);
    }

    [Fact]
    public async Task A_heartbeat_request_is_answered_at_once()
    {
        await using var h = await DiscordTestHarness.StartAsync();
        await h.DeliverAsync("1000000000000000001"); // READY is 1, this is 2

        await h.Gateway.Current.SendAsync(DiscordFixtures.Json("gateway-op1-heartbeat.json"));

        var beat = await h.Gateway.WaitForAsync(p => p.Op == 1);
        Assert.Equal(2, (long)beat.Payload["d"]!);
    }

    [Fact]
    public async Task No_ack_before_the_next_beat_closes_with_a_resumable_code_and_resumes_on_the_resume_url()
    {
        await using var h = await DiscordTestHarness.StartAsync(jitter: 0.5);
        await h.DeliverAsync("1000000000000000001");
        h.Gateway.AckHeartbeats = false;

        h.Time.Advance(TimeSpan.FromMilliseconds(22500));
        await h.Gateway.WaitForAsync(p => p.Op == 1);
        h.Time.Advance(TimeSpan.FromMilliseconds(45000));
        await h.PassFirstReconnectDelayAsync();

        var resume = await h.Gateway.WaitForAsync(p => p.Op == 6);
        var first = h.Gateway.Connections[0];
        await Eventually.TrueAsync(() => first.ClientCloseCode is not null, "the bot to close the silent connection");
        Assert.NotEqual(1000, first.ClientCloseCode);
        Assert.NotEqual(1001, first.ClientCloseCode);
        AssertResume(resume, expectedSeq: 2);
        Assert.Equal(1, h.Gateway.Received.Count(p => p.Op == 2)); // no second IDENTIFY
    }

    [Fact]
    public async Task A_dropped_connection_resumes_and_a_message_replayed_on_resume_is_answered_once()
    {
        await using var h = await DiscordTestHarness.StartAsync(g => g.ReplayOverlap = 1);
        var answered = new List<string>();
        async Task AnswerNextAsync()
        {
            var created = await h.NextEventAsync<MessageCreated>();
            answered.Add(created.Message.MessageId);
            await h.Adapter.SendAsync(new OutgoingReply(created.Message.Where, "ok", created.Message.MessageId), default);
        }

        await h.Gateway.DispatchAsync("MESSAGE_CREATE", DiscordFixtures.Message("1000000000000000001", Channel, "!run a"));
        await AnswerNextAsync();
        h.Gateway.Current.Drop();
        await h.PassFirstReconnectDelayAsync();
        var resume = await h.Gateway.WaitForAsync(p => p.Op == 6);
        await h.Gateway.DispatchAsync("MESSAGE_CREATE", DiscordFixtures.Message("1000000000000000002", Channel, "!run b"));
        await AnswerNextAsync();

        AssertResume(resume, expectedSeq: 2);
        Assert.Equal(["1000000000000000001", "1000000000000000002"], answered);
        Assert.False(h.HasPendingEvent);
        var replies = h.Server.Calls.Where(c => c.Method == "POST" && c.Path.EndsWith("/messages", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, replies.Count);
        Assert.Single(replies, r => (string?)r.Json!["message_reference"]!["message_id"] == "1000000000000000001");
    }

    [Fact]
    public async Task Op7_reconnect_closes_and_resumes_the_session()
    {
        await using var h = await DiscordTestHarness.StartAsync();
        await h.DeliverAsync("1000000000000000001");

        await h.Gateway.Current.SendAsync(DiscordFixtures.Json("gateway-op7-reconnect.json"));
        await h.PassFirstReconnectDelayAsync();

        var resume = await h.Gateway.WaitForAsync(p => p.Op == 6);
        AssertResume(resume, expectedSeq: 2);
        Assert.NotEqual(1000, h.Gateway.Connections[0].ClientCloseCode);
        await h.DeliverAsync("1000000000000000002"); // the resumed session still delivers
    }

    [Fact]
    public async Task Op9_with_d_true_resumes()
    {
        await using var h = await DiscordTestHarness.StartAsync();
        await h.DeliverAsync("1000000000000000001");

        var invalid = DiscordFixtures.Json("gateway-op9-invalid-session.json");
        invalid["d"] = true;
        await h.Gateway.Current.SendAsync(invalid);
        await h.PassFirstReconnectDelayAsync();

        AssertResume(await h.Gateway.WaitForAsync(p => p.Op == 6), expectedSeq: 2);
        Assert.Equal(1, h.Gateway.Received.Count(p => p.Op == 2));
    }

    [Fact]
    public async Task Op9_with_d_false_waits_one_to_five_seconds_then_identifies_fresh()
    {
        await using var h = await DiscordTestHarness.StartAsync(jitter: 0.5); // wait = 1 + 4 x 0.5 = 3 s
        await h.DeliverAsync("1000000000000000001");

        await h.Gateway.Current.SendAsync(DiscordFixtures.Json("gateway-op9-invalid-session.json"));
        await h.WaitForLogAsync("reconnecting in 00:00:03");
        h.Time.Advance(TimeSpan.FromMilliseconds(2999));
        await Eventually.NeverAsync(() => h.Gateway.Connections.Count > 1, "reconnected before the 3 s wait");
        h.Time.Advance(TimeSpan.FromMilliseconds(1));
        // The session began (and identified) just now: the next IDENTIFY also keeps 5 s from that one.
        await h.WaitForLogAsync("waiting 00:00:02 before IDENTIFY");
        h.Time.Advance(TimeSpan.FromSeconds(2));

        var identify = await h.Gateway.WaitForAsync(p => p.Op == 2 && p.Connection == 1);
        Assert.Equal("/gateway", identify.Path);
        Assert.DoesNotContain(h.Gateway.Received, p => p.Op == 6);
    }

    [Fact]
    public async Task Close_4014_even_without_the_message_content_intent_stops_the_adapter()
    {
        await using var h = await DiscordTestHarness.StartAsync(g => g.CloseOnIdentify = 4014, connect: false);
        await h.WaitForLogAsync("waiting 00:00:05 before IDENTIFY");
        h.Time.Advance(TimeSpan.FromSeconds(5));

        await h.Reader.WaitAsync(TimeSpan.FromSeconds(15)); // the event stream ends rather than reconnecting again

        Assert.Equal(4014, h.Adapter.StoppedBecause?.CloseCode);
        Assert.Contains(h.Logs.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Critical
            && e.Message.Contains("enable the Message Content intent in the developer portal", StringComparison.Ordinal));
        // The first refusal drops the privileged intent and tries once more; the second is final.
        Assert.Equal(2, h.Gateway.Connections.Count);
        Assert.Equal(37377 & ~(1 << 15), (int)h.Gateway.Received.Last(p => p.Op == 2).Payload["d"]!["intents"]!);
    }

    [Fact]
    public async Task Messages_from_bots_and_from_ourselves_are_ignored()
    {
        await using var h = await DiscordTestHarness.StartAsync();

        await h.Gateway.DispatchAsync("MESSAGE_CREATE", DiscordFixtures.Message("1000000000000000001", Channel, "!run x", authorId: "42", authorIsBot: true));
        await h.Gateway.DispatchAsync("MESSAGE_CREATE", DiscordFixtures.Message("1000000000000000002", Channel, "!run y", authorId: DiscordProtocolServer.BotUserId));
        await h.Gateway.DispatchAsync("MESSAGE_CREATE", DiscordFixtures.Message("1000000000000000003", Channel, "!run z", guildId: null, repliedToContent: "```py\nprint(1)\n```"));

        var created = await h.NextEventAsync<MessageCreated>();
        Assert.Equal("1000000000000000003", created.Message.MessageId);
        Assert.Equal(new Conversation("discord", Channel, IsDirect: true), created.Message.Where);
        Assert.Equal("!run z", created.Message.Text);
        Assert.Equal("```py\nprint(1)\n```", created.Message.RepliedToText);
        Assert.Equal("Mason", created.Message.Author.DisplayName);
    }

    [Fact]
    public async Task Updates_with_content_become_edits_and_deletes_become_deletions()
    {
        await using var h = await DiscordTestHarness.StartAsync();

        var embedOnly = new JsonObject { ["id"] = "1000000000000000001", ["channel_id"] = Channel, ["embeds"] = new JsonArray() };
        await h.Gateway.DispatchAsync("MESSAGE_UPDATE", embedOnly);
        var edited = DiscordFixtures.Message("1000000000000000001", Channel, "!run fixed");
        edited["edited_timestamp"] = "2017-07-11T17:28:07.299000+00:00";
        await h.Gateway.DispatchAsync("MESSAGE_UPDATE", edited);
        await h.Gateway.DispatchAsync("MESSAGE_DELETE", new JsonObject { ["id"] = "1000000000000000001", ["channel_id"] = Channel, ["guild_id"] = "1" });

        var edit = await h.NextEventAsync<MessageEdited>();
        Assert.Equal("!run fixed", edit.Message.Text);
        Assert.False(edit.Message.Where.IsDirect);
        var deleted = await h.NextEventAsync<MessageDeleted>();
        Assert.Equal("1000000000000000001", deleted.MessageId);
        Assert.Equal(Channel, deleted.Where.ChannelId);
    }

    private static void AssertResume(GatewayReceived resume, long expectedSeq)
    {
        Assert.Equal("/resume", resume.Path);
        var d = resume.Payload["d"]!;
        Assert.Equal(DiscordProtocolServer.Token, (string?)d["token"]);
        Assert.Equal("session-1", (string?)d["session_id"]);
        Assert.Equal(expectedSeq, (long)d["seq"]!);
    }
}

namespace CodeCube.Adapters.Tests.Discord;

public sealed class DiscordReconnectTests
{
    [Theory]
    [InlineData(4000, true)]  // unknown error: resume
    [InlineData(4008, true)]  // rate limited: resume
    [InlineData(1001, true)]  // the server going away: resume
    [InlineData(4007, false)] // invalid seq: a new session
    [InlineData(4009, false)] // session timed out: a new session
    public async Task A_close_from_the_gateway_reconnects_resuming_only_when_the_session_survives(int code, bool resumes)
    {
        await using var h = await DiscordTestHarness.StartAsync();
        await h.DeliverAsync("1000000000000000001");

        await h.Gateway.Current.CloseAsync(code, "test");
        await h.PassFirstReconnectDelayAsync();
        if (!resumes)
        {
            // A fresh IDENTIFY also waits until 5 s have passed since the last one (here: at the start).
            await h.WaitForLogAsync("waiting 00:00:04 before IDENTIFY");
            h.Time.Advance(TimeSpan.FromSeconds(4));
        }

        var next = await h.Gateway.WaitForAsync(p => p.Connection == 1 && p.Op is 2 or 6);
        Assert.Equal(resumes ? 6 : 2, next.Op);
        Assert.Equal(resumes ? "/resume" : "/gateway", next.Path);
        Assert.Null(h.Adapter.StoppedBecause);
    }

    [Fact]
    public async Task Repeated_connection_failures_back_off_one_then_two_seconds()
    {
        await using var h = await DiscordTestHarness.StartAsync(g => g.RejectNextConnections(2), connect: false);

        await h.WaitForLogAsync("reconnecting in 00:00:01");
        Assert.Equal(1, h.Gateway.RejectedConnections);
        h.Time.Advance(TimeSpan.FromSeconds(1));
        await h.WaitForLogAsync("reconnecting in 00:00:02");
        Assert.Equal(2, h.Gateway.RejectedConnections);
        h.Time.Advance(TimeSpan.FromMilliseconds(1999));
        await Eventually.NeverAsync(() => h.Gateway.Connections.Count > 0, "reconnected before the 2 s backoff");
        h.Time.Advance(TimeSpan.FromMilliseconds(1));

        await h.Gateway.WaitForAsync(p => p.Op == 2);
        Assert.Single(h.Gateway.Connections);
    }

    [Fact]
    public async Task A_session_held_half_a_minute_before_ready_and_then_dropped_is_a_failure_in_a_row()
    {
        await using var h = await DiscordTestHarness.StartAsync(g =>
        {
            g.RejectNextConnections(1);
            g.ReadyOnIdentify = false;
        }, connect: false);
        await h.WaitForLogAsync("reconnecting in 00:00:01");
        h.Time.Advance(TimeSpan.FromSeconds(1));
        await h.Gateway.WaitForAsync(p => p.Op == 2);

        // Connected and identified, but the gateway keeps us waiting for READY longer than a healthy session lasts.
        h.Time.Advance(TimeSpan.FromSeconds(30));
        await h.Gateway.DispatchAsync("READY", new JsonObject
        {
            ["session_id"] = "late-session",
            ["resume_gateway_url"] = h.Gateway.ResumeUrl,
            ["user"] = new JsonObject { ["id"] = DiscordProtocolServer.BotUserId, ["username"] = "codecube", ["bot"] = true },
            ["application"] = new JsonObject { ["id"] = DiscordProtocolServer.BotUserId, ["flags"] = 0 },
        });
        await h.WaitForLogAsync("gateway ready: session late-session");
        await h.Gateway.Current.CloseAsync(4000, "test");

        // Up for no time since READY: the second failure in a row waits two floors, not one.
        var reconnects = await Eventually.ValueAsync(
            () => h.Logs.Entries.Where(e => e.Message.Contains("reconnecting in", StringComparison.Ordinal)).ToList() is { Count: 2 } l ? l : null,
            "the second reconnect");
        Assert.Contains("reconnecting in 00:00:02", reconnects[1].Message, StringComparison.Ordinal);
    }
}

using CodeCube.Adapters.Discord.Gateway;

namespace CodeCube.Adapters.Tests.Discord;

/// <summary>
/// How often the bot starts sessions: GET /gateway/bot's session_start_limit, and short sessions counted as
/// failures by the one reconnect policy. Against the protocol server, on a fake clock.
/// </summary>
public sealed class DiscordSessionLimitsTests
{
    [Fact]
    public async Task With_no_session_starts_left_the_bot_waits_for_reset_after_before_identifying()
    {
        await using var h = await DiscordTestHarness.StartAsync(connect: false, configureServer: s =>
        {
            s.SessionStartsLeft = 0;
            s.SessionStartsResetAfter = TimeSpan.FromMinutes(10);
        });

        await h.WaitForLogAsync("session start limit reached (0 of 1000 left, max_concurrency 1); waiting 00:10:00");
        h.Time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromMilliseconds(1));
        await Eventually.NeverAsync(() => h.Gateway.Connections.Count > 0, "connected before the session start window reset");
        h.Time.Advance(TimeSpan.FromMilliseconds(1));

        await h.Gateway.WaitForAsync(p => p.Op == 2);
        Assert.Equal(1, h.Gateway.SessionsStarted);
    }

    [Fact]
    public async Task Session_starts_left_are_used_without_waiting()
    {
        await using var h = await DiscordTestHarness.StartAsync(configureServer: s => s.SessionStartsLeft = 1);

        Assert.DoesNotContain(h.Logs.Entries, e => e.Message.Contains("session start limit", StringComparison.Ordinal));
        Assert.Single(h.Server.Calls, c => c.Path == "/gateway/bot");
    }

    [Fact]
    public async Task A_fresh_identify_comes_no_sooner_than_five_seconds_after_the_last()
    {
        await using var h = await DiscordTestHarness.StartAsync();

        await h.Gateway.Current.CloseAsync(4007, "invalid seq"); // the session is gone: the next one identifies
        await h.PassFirstReconnectDelayAsync();
        await h.WaitForLogAsync("waiting 00:00:04 before IDENTIFY");
        h.Time.Advance(TimeSpan.FromMilliseconds(3999));
        await Eventually.NeverAsync(() => h.Gateway.Connections.Count > 1, "identified again within 5 s");
        h.Time.Advance(TimeSpan.FromMilliseconds(1));

        await h.Gateway.WaitForAsync(p => p.Connection == 1 && p.Op == 2);
    }

    [Theory]
    [InlineData(5, null, 0)]          // first IDENTIFY, starts left
    [InlineData(5, 1.0, 4)]           // one per 5 s
    [InlineData(5, 7.0, 0)]
    [InlineData(0, null, 600)]        // none left: the window
    [InlineData(0, 1.0, 600)]         // the longer of the two
    public void The_wait_before_identify_is_the_longer_of_the_spent_window_and_the_five_second_spacing(
        int remaining, double? sinceLastSeconds, double expectedSeconds)
    {
        var limit = new SessionStartLimit(1000, remaining, TimeSpan.FromMinutes(10), 1);
        var since = sinceLastSeconds is { } s ? TimeSpan.FromSeconds(s) : (TimeSpan?)null;

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), SessionStartLimit.WaitBeforeIdentify(limit, since));
    }

    [Fact]
    public void Session_start_limit_is_read_from_the_documented_gateway_bot_answer()
    {
        using var doc = JsonDocument.Parse(DiscordFixtures.Json("rest-get-gateway-bot-response.json").ToJsonString());

        Assert.Equal(new SessionStartLimit(1000, 999, TimeSpan.FromMilliseconds(14400000), 1), SessionStartLimit.From(doc.RootElement));
        Assert.Null(SessionStartLimit.From(JsonDocument.Parse("{\"url\":\"wss://x\"}").RootElement));
    }

    [Fact]
    public async Task Sessions_that_die_soon_after_ready_grow_the_backoff_and_a_healthy_one_still_waits_the_jittered_floor()
    {
        // Jitter 0.9: every delay is 1.4 x its step, so the floor after a healthy session shows as 1.4 s, not 0.
        await using var h = await DiscordTestHarness.StartAsync(jitter: 0.9);
        var delays = new List<TimeSpan>();

        for (var connection = 1; connection <= 3; connection++)
        {
            // Each session was READY (or RESUMED) and then lived no time at all.
            await h.Gateway.Current.CloseAsync(4000, "test");
            var delay = await NextReconnectDelayAsync(h, delays.Count + 1);
            delays.Add(delay);
            h.Time.Advance(delay);
            var index = connection;
            await h.Gateway.WaitForAsync(p => p.Connection == index && p.Op == 6);
        }

        // Up as long as the policy calls healthy: what follows is a first failure again.
        h.Time.Advance(TimeSpan.FromSeconds(30));
        await h.Gateway.Current.CloseAsync(4000, "test");
        delays.Add(await NextReconnectDelayAsync(h, 4));

        Assert.Equal([1.4, 2.8, 5.6, 1.4], delays.Select(d => d.TotalSeconds));
    }

    private static async Task<TimeSpan> NextReconnectDelayAsync(DiscordTestHarness h, int nth)
    {
        const string Marker = "reconnecting in ";
        var line = await Eventually.ValueAsync(
            () => h.Logs.Entries.Where(e => e.Message.Contains(Marker, StringComparison.Ordinal)).Skip(nth - 1).FirstOrDefault().Message,
            $"reconnect number {nth}");
        var start = line.IndexOf(Marker, StringComparison.Ordinal) + Marker.Length;
        return TimeSpan.Parse(line[start..line.IndexOf(' ', start)], System.Globalization.CultureInfo.InvariantCulture);
    }
}

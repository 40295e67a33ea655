using System.Diagnostics;
using System.Net;

namespace CodeCube.EndToEnd.Tests.Abuse;

/// <summary>
/// A flood of API runs against the real host and engine: the one run budget holds (counted with the engine's own
/// events), refusals are 503 + Retry-After and come while every admitted run still holds its slot, and a chat user
/// is still answered meanwhile. The admitted programs sleep until the test lets go, so "before the slots freed"
/// is a fact of the test, not a race.
/// </summary>
public sealed class FloodTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Slots = 3;
    private const int Queue = 5;
    private const int Flood = 100;
    private const string Channel = "#flood";
    private const string BotNick = "floodbot";
    private const string Sleeper = "import time\ntime.sleep(600)";
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);
    private readonly string _instance = "flood-" + Guid.NewGuid().ToString("N")[..12];
    private readonly RedisServerFixture _redis = new();
    private NgircdServer _irc = null!;
    private CodeCubeApp _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        await _redis.InitializeAsync();
        _irc = await NgircdServer.StartAsync();
        _app = CodeCubeApp.Start(_redis.Configuration, new Dictionary<string, string?>
        {
            ["Pipeline:MaxConcurrentRuns"] = $"{Slots}",
            ["Pipeline:MaxQueuedRuns"] = $"{Queue}",
            ["Pipeline:MaxRunsPerClient"] = "2",
            ["Sandbox:InstanceId"] = _instance,
            ["Sandbox:Pool:Size"] = "0",
            ["Sandbox:RunTimeout"] = "00:10:00",
            // The test's own client is its proxy, so a second flood can come from 100 different addresses.
            ["Web:KnownProxies:0"] = "127.0.0.1",
            ["Irc:Server"] = "127.0.0.1",
            ["Irc:Port"] = $"{_irc.Port}",
            ["Irc:UseTls"] = "false",
            ["Irc:Nick"] = BotNick,
            ["Irc:Channels:0:Name"] = Channel,
        }, output);
        // The held runs last until the test lets go; the app's client would give up after 30 s.
        _http = new HttpClient { BaseAddress = new Uri(_app.BaseUrl), Timeout = Timeout.InfiniteTimeSpan };
        // A first request pays for JIT and connection set-up; the latencies reported below should not.
        using var warm = await _http.PostAsJsonAsync("/api/v1/run", new { language = "python" });
        Assert.Equal(HttpStatusCode.BadRequest, warm.StatusCode);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
        await _irc.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task One_client_flooding_gets_two_runs_the_rest_503_and_a_chat_user_is_still_answered()
    {
        using var engine = new EngineContainers(_instance);
        await using var user = await RawIrcUser.ConnectAsync(_irc.Port, "alice", Channel);
        await user.WaitForMemberAsync(Channel, BotNick);
        var since = DateTimeOffset.UtcNow;
        using var hold = new CancellationTokenSource();

        var requests = Enumerable.Range(0, Flood).Select(_ => PostAsync(null, hold.Token)).ToList();
        var refusals = await RefusalsAsync(requests, Flood - 2);

        // Both admitted runs are still sleeping: every refusal came before a slot was given back.
        Assert.Equal(2, requests.Count(r => !r.IsCompleted));
        await Eventually.TrueAsync(async () => await engine.CountAsync() == 2, "2 containers", Deadline);
        await user.SendAsync($"PRIVMSG {Channel} :!run py print(6*7)");
        Assert.Equal("42", (await user.PrivmsgsFromAsync(BotNick, 2, EndToEndTest.RunTimeout))[0]);

        await hold.CancelAsync();
        await Task.WhenAll(requests.Select(r => r.ContinueWith(_ => { }, TaskScheduler.Default)));
        await Eventually.TrueAsync(async () => await engine.CountAsync() == 0, "0 containers", Deadline);
        var peak = await engine.PeakAsync(since, DateTimeOffset.UtcNow);
        Report("one client", peak, refusals);
        Assert.Equal(Slots, peak); // two sleepers and the chat run
    }

    [Fact]
    public async Task A_flood_from_a_hundred_addresses_never_starts_more_containers_than_the_slots()
    {
        using var engine = new EngineContainers(_instance);
        var since = DateTimeOffset.UtcNow;
        using var hold = new CancellationTokenSource();

        var requests = Enumerable.Range(0, Flood).Select(i => PostAsync($"198.51.100.{i + 1}", hold.Token)).ToList();
        var refusals = await RefusalsAsync(requests, Flood - Slots - Queue);

        Assert.Equal(Slots + Queue, requests.Count(r => !r.IsCompleted));
        await Eventually.TrueAsync(async () => await engine.CountAsync() == Slots, "Slots containers", Deadline);

        await hold.CancelAsync();
        await Task.WhenAll(requests.Select(r => r.ContinueWith(_ => { }, TaskScheduler.Default)));
        await Eventually.TrueAsync(async () => await engine.CountAsync() == 0, "0 containers", Deadline);
        var peak = await engine.PeakAsync(since, DateTimeOffset.UtcNow);
        Report("100 addresses", peak, refusals);
        Assert.Equal(Slots, peak);
    }

    private async Task<(HttpStatusCode Status, string? RetryAfter, string Body, double Ms)> PostAsync(string? forwardedFor, CancellationToken ct)
    {
        await Task.Yield();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/run")
        {
            Content = JsonContent.Create(new { language = "python", code = Sleeper }),
        };
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        var clock = Stopwatch.StartNew();
        using var response = await _http.SendAsync(request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        return (response.StatusCode, response.Headers.RetryAfter?.ToString(), body, clock.Elapsed.TotalMilliseconds);
    }

    /// <summary>Waits for exactly <paramref name="expected"/> answers, all of them 503 refusals.</summary>
    private static async Task<List<double>> RefusalsAsync(
        List<Task<(HttpStatusCode Status, string? RetryAfter, string Body, double Ms)>> requests, int expected)
    {
        var pending = requests.ToList();
        var latencies = new List<double>();
        while (latencies.Count < expected)
        {
            var done = await Task.WhenAny(pending);
            pending.Remove(done);
            var (status, retryAfter, body, ms) = await done;
            Assert.True(status == HttpStatusCode.ServiceUnavailable, $"{status}: {body}");
            Assert.Equal("5", retryAfter);
            Assert.Contains("\"title\":", body, StringComparison.Ordinal);
            latencies.Add(ms);
        }

        return latencies;
    }

    private void Report(string flood, int peak, List<double> refusals)
    {
        refusals.Sort();
        output.WriteLine($"{flood}: peak containers {peak}, {refusals.Count} refusals, latency median " +
            $"{refusals[refusals.Count / 2]:0} ms, max {refusals[^1]:0} ms");
    }

}

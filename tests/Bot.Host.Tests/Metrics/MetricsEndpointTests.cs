using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace CodeCube.Host.Tests.Metrics;

/// <summary>
/// The real host on Kestrel: the public site on one free port, /metrics on another. Alone in its collection: every
/// MeterProvider in a process sees every meter of the same name, and OpenTelemetry folds identical instruments of
/// two hosts into one stream owned by whichever came first; when that other test's host is disposed, the stream
/// ends, and this host's /metrics loses it (a scrape with only target_info). One host per process, as in production.
/// </summary>
[Collection(MetricsCollection.Name)]
public sealed partial class MetricsEndpointTests(RedisServerFixture redis, ITestOutputHelper output) : IDisposable
{
    private readonly int _metricsPort = Loopback.FreePort();
    private CodeCubeFactory? _factory;

    private HttpClient Public { get; set; } = null!;

    private string MetricsUrl => $"http://127.0.0.1:{_metricsPort}";

    public void Dispose() => _factory?.Dispose();

    /// <summary>The public site stays on the in-memory test server; the metrics listener is real.</summary>
    private HttpClient Start()
    {
        _factory = new CodeCubeFactory(redis.Configuration, output);
        _factory.Settings["Metrics:Urls"] = MetricsUrl;
        _factory.Settings["Metrics:HealthInterval"] = "00:00:01";
        Public = _factory.CreateClient();
        return new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
    }

    [Fact]
    public async Task A_run_moves_the_run_counters_on_the_metrics_listener()
    {
        using var http = Start();
        var before = await ScrapeAsync(http);

        var response = await Public.PostAsJsonAsync("/api/v1/run", new { language = "python", code = $"print {Guid.NewGuid()}" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = await ScrapeAsync(http);

        const string Runs = "codecube_runs_total";
        var labels = new Dictionary<string, string> { ["language"] = "python", ["outcome"] = "completed", ["origin"] = "web", ["cached"] = "false" };
        Assert.True(Value(after, Runs, labels) >= Value(before, Runs, labels) + 1, after);
        var duration = new Dictionary<string, string> { ["language"] = "python", ["outcome"] = "completed" };
        Assert.True(Value(after, "codecube_run_duration_seconds_count", duration) >= Value(before, "codecube_run_duration_seconds_count", duration) + 1, after);
        Assert.Contains("# TYPE codecube_run_duration_seconds histogram", after, StringComparison.Ordinal);
        var slot = new Dictionary<string, string> { ["queue"] = "run_slot" };
        Assert.True(Value(after, "codecube_run_queue_wait_seconds_count", slot) >= Value(before, "codecube_run_queue_wait_seconds_count", slot) + 1, after);
    }

    [Fact]
    public async Task Metrics_are_only_on_their_own_listener()
    {
        using var http = Start();

        var onPublic = await Public.GetAsync("/metrics");
        var siteOnMetricsPort = await http.GetAsync($"{MetricsUrl}/");
        var apiOnMetricsPort = await http.GetAsync($"{MetricsUrl}/api/v1/languages");

        Assert.Equal(HttpStatusCode.NotFound, onPublic.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, siteOnMetricsPort.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, apiOnMetricsPort.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Public.GetAsync("/api/v1/languages")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"{MetricsUrl}/metrics")).StatusCode);
    }

    [Fact]
    public async Task Redis_and_docker_health_are_gauges()
    {
        using var http = Start();

        // The health publisher samples every second; wait for its first report instead of guessing a delay.
        var text = await Eventually.ValueAsync(async () =>
        {
            var scraped = await ScrapeAsync(http);
            return scraped.Contains("codecube_health{", StringComparison.Ordinal) &&
                scraped.Contains("check=\"docker\"", StringComparison.Ordinal) ? scraped : null;
        }, "codecube_health samples for redis and docker");

        Assert.Equal(1, Value(text, "codecube_health", new() { ["check"] = "redis" }));
        Assert.Equal(1, Value(text, "codecube_health", new() { ["check"] = "docker" }));
    }

    private async Task<string> ScrapeAsync(HttpClient http)
    {
        var response = await http.GetAsync($"{MetricsUrl}/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Sum of the samples of <paramref name="name"/> whose labels include all of <paramref name="labels"/>.</summary>
    private static double Value(string exposition, string name, Dictionary<string, string> labels)
    {
        var total = 0.0;
        foreach (Match m in Sample().Matches(exposition))
        {
            if (m.Groups["name"].Value != name)
            {
                continue;
            }

            var have = Label().Matches(m.Groups["labels"].Value).ToDictionary(l => l.Groups[1].Value, l => l.Groups[2].Value);
            if (labels.All(l => have.TryGetValue(l.Key, out var v) && v == l.Value))
            {
                total += double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture);
            }
        }

        return total;
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(?<labels>[^}]*)\})? (?<value>\S+)", RegexOptions.Multiline)]
    private static partial Regex Sample();

    [GeneratedRegex(@"(\w+)=""((?:[^""\\]|\\.)*)""")]
    private static partial Regex Label();
}

/// <summary>The metrics tests run with no other host alive in the process (see <see cref="MetricsEndpointTests"/>).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection : ICollectionFixture<RedisServerFixture>
{
    public const string Name = "metrics";
}

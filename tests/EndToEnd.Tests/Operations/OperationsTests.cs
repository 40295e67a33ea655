using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CodeCube.Testing.Hosting;

namespace CodeCube.EndToEnd.Tests.Operations;

/// <summary>
/// The host as operators run it (own process, environment variables) with JSON console logs: a real run shows up as
/// one structured log line and in the Prometheus counters.
/// </summary>
public sealed partial class OperationsTests : IAsyncLifetime
{
    private readonly RedisServerFixture _redis = new();
    private HostProcess _host = null!;

    public async Task InitializeAsync()
    {
        await _redis.InitializeAsync();
        _host = await HostProcess.StartAsync(Path.Combine(AppContext.BaseDirectory, "CodeCube.Host.dll"), new Dictionary<string, string>
        {
            ["Redis__Configuration"] = _redis.Configuration,
            ["Logging__Console__FormatterName"] = "json",
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task A_run_is_one_json_log_line_with_its_fields_and_moves_the_counters()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var response = await http.PostAsJsonAsync($"{_host.BaseUrl}/api/v1/run", new { language = "python", code = "print(6 * 7)" });
        var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;

        // The console logger writes from its own queue; wait for the line rather than for a fixed time.
        var line = await UntilAsync(() => JsonLines(_host.Output).FirstOrDefault(l =>
            l.TryGetProperty("EventId", out var e) && e.GetInt32() == 1101
            && l.GetProperty("State").GetProperty("SnippetId").GetString() == id));

        var state = line.GetProperty("State");
        Assert.Equal("Information", line.GetProperty("LogLevel").GetString());
        Assert.Equal("python", state.GetProperty("Language").GetString());
        Assert.Equal("completed", state.GetProperty("Outcome").GetString());
        Assert.Equal("web", state.GetProperty("Origin").GetString());
        Assert.Matches("^[0-9a-f]{12}$", state.GetProperty("UserHash").GetString());
        Assert.True(state.GetProperty("WallMs").GetInt64() > 0);
        Assert.StartsWith($"Run {id}: python completed in ", line.GetProperty("Message").GetString(), StringComparison.Ordinal);
        // Every line the host wrote is JSON, startup included.
        Assert.All(_host.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => Assert.StartsWith("{", l, StringComparison.Ordinal));

        var metrics = await http.GetStringAsync($"{_host.MetricsUrl}/metrics");
        Assert.Matches(RunsCounter(), metrics);
        Assert.Contains("codecube_containers_live", metrics, StringComparison.Ordinal);
        Assert.Matches(PoolMisses(), metrics);
        // One histogram for both waits: for a run slot here, then on the run queue for the (local) worker.
        Assert.Matches(SlotWait(), metrics);
        Assert.Matches(QueueWait(), metrics);
        Assert.DoesNotContain("codecube_runs_queue_wait", metrics, StringComparison.Ordinal);
    }

    private static IEnumerable<JsonElement> JsonLines(string output)
    {
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            JsonElement parsed;
            try
            {
                parsed = JsonDocument.Parse(line).RootElement;
            }
            catch (JsonException)
            {
                continue;
            }

            yield return parsed;
        }
    }

    private async Task<JsonElement> UntilAsync(Func<JsonElement> find)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var found = find();
            if (found.ValueKind != JsonValueKind.Undefined)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, "no run log line after 30 s:\n" + _host.Output);
            await Task.Delay(50);
        }
    }

    [GeneratedRegex("""codecube_runs_total\{[^}]*language="python"[^}]*\} [1-9]""")]
    private static partial Regex RunsCounter();

    [GeneratedRegex("""codecube_run_queue_wait_seconds_count\{[^}]*queue="run_slot"[^}]*\} [1-9]""")]
    private static partial Regex SlotWait();

    [GeneratedRegex("""codecube_run_queue_wait_seconds_count\{[^}]*queue="run_queue"[^}]*\} [1-9]""")]
    private static partial Regex QueueWait();

    [GeneratedRegex("""codecube_pool_(hits|misses)_total\{[^}]*language="python"[^}]*\} [1-9]""")]
    private static partial Regex PoolMisses();
}

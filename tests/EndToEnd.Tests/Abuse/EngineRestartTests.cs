using System.Net;
using System.Text.Json;

namespace CodeCube.EndToEnd.Tests.Abuse;

/// <summary>
/// dockerd really restarted under a running program: that run is a sandbox_error with a short message that names
/// nothing of the engine, /healthz says the engine is down while it is, the host stays up, and runs work again once
/// the engine is back. The engine is a private dockerd, so the shared one other tests use is never touched.
/// </summary>
public sealed class EngineRestartTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly RedisServerFixture _redis = new();
    private PrivateDockerd _dockerd = null!;
    private CodeCubeApp _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        await _redis.InitializeAsync();
        _dockerd = await PrivateDockerd.StartAsync(PrivateDockerd.ImageOf("python"));
        _app = CodeCubeApp.Start(_redis.Configuration, new Dictionary<string, string?>
        {
            ["Sandbox:DockerEndpoint"] = _dockerd.Endpoint,
            ["Sandbox:Pool:Size"] = "0",
            ["Sandbox:RunTimeout"] = "00:10:00",
            ["Sandbox:EngineTimeout"] = "00:00:05",
        }, output);
        _http = new HttpClient { BaseAddress = new Uri(_app.BaseUrl), Timeout = Timeout.InfiniteTimeSpan };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
        await _dockerd.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task A_run_caught_by_an_engine_restart_is_a_short_sandbox_error_and_runs_work_again_after()
    {
        Assert.Equal("completed", (await RunAsync("print(1)")).GetProperty("outcome").GetString());

        // The program says it started (streamed), then sleeps until the engine goes away under it.
        using var stream = new HttpRequestMessage(HttpMethod.Post, "/api/v1/run/stream")
        {
            Content = JsonContent.Create(new { language = "python", code = "import time\nprint('up', flush=True)\ntime.sleep(600)" }),
        };
        using var response = await _http.SendAsync(stream, HttpCompletionOption.ResponseHeadersRead);
        using var events = new StreamReader(await response.Content.ReadAsStreamAsync());
        while (await events.ReadLineAsync() is { } line && !line.Contains("\"up", StringComparison.Ordinal))
        {
        }

        await _dockerd.StopAsync();
        var rest = await events.ReadToEndAsync();
        using (var health = await _http.GetAsync("/healthz"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            var body = await health.Content.ReadAsStringAsync();
            Assert.Contains("\"docker\":{\"status\":\"unhealthy\"", body, StringComparison.Ordinal);
            Assert.DoesNotContain(".sock", body, StringComparison.Ordinal);
        }

        await _dockerd.StartAgainAsync();

        var result = JsonDocument.Parse(rest[(rest.IndexOf("event: result\ndata: ", StringComparison.Ordinal) + 20)..]).RootElement;
        Assert.Equal("sandbox_error", result.GetProperty("outcome").GetString());
        var detail = result.GetProperty("detail").GetString()!;
        Assert.True(detail.Length < 80, detail);
        foreach (var secret in new[] { "unix:", ".sock", _dockerd.Socket, "dockerd", "Docker engine" })
        {
            Assert.DoesNotContain(secret, rest, StringComparison.OrdinalIgnoreCase);
        }

        // Back: the same host runs again, and nothing of the lost run was cached.
        var again = await RunAsync("print(2)");
        Assert.Equal(("completed", "2\n"), (again.GetProperty("outcome").GetString(), again.GetProperty("stdout").GetString()));
    }

    private async Task<JsonElement> RunAsync(string code)
    {
        using var response = await _http.PostAsJsonAsync("/api/v1/run", new { language = "python", code });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();
    }
}

using System.Net;
using CodeCube.Testing.Hosting;

namespace CodeCube.EndToEnd.Tests.Scaling;

/// <summary>A front host with no worker at all: the run is withdrawn after Runs:QueueTimeout and the API says 503.</summary>
public sealed class NoWorkerTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly RedisServerFixture _redis = new();
    private HostProcess _host = null!;

    public async Task InitializeAsync()
    {
        await _redis.InitializeAsync();
        var env = RemoteWorkerTests.Queue(_redis.Configuration);
        env["Runs__QueueTimeout"] = "00:00:01";
        _host = await HostProcess.StartAsync(Path.Combine(AppContext.BaseDirectory, "CodeCube.Host.dll"), env, output.TryWriteLine);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task A_run_nobody_takes_gets_503_no_sandbox_worker_and_leaves_nothing_queued()
    {
        using var http = new HttpClient { BaseAddress = new Uri(_host.BaseUrl) };
        var health = await http.GetStringAsync("/healthz");
        Assert.Contains("0 live sandbox workers", health, StringComparison.Ordinal);

        using var response = await http.PostAsJsonAsync("/api/v1/run", new { language = "python", code = "print(1)" });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("No sandbox worker is available", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var stream = await _redis.Redis.GetDatabase().StreamLengthAsync("codecube:runs:codecube:stream");
        Assert.Equal(0, stream);
        Assert.Empty(_redis.Redis.GetServers()[0].Keys(pattern: "codecube:snippet:*"));
    }
}

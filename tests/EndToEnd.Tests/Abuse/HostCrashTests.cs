using CodeCube.Testing.Hosting;

namespace CodeCube.EndToEnd.Tests.Abuse;

/// <summary>
/// The host killed with SIGKILL in the middle of a run leaves its container behind; the next host on this machine
/// (another instance id, so only the dead-host rule can apply) removes it at start-up instead of waiting for it to
/// age past the longest possible run.
/// </summary>
public sealed class HostCrashTests : IAsyncLifetime
{
    private static readonly string HostDll = Path.Combine(AppContext.BaseDirectory, "CodeCube.Host.dll");
    private readonly RedisServerFixture _redis = new();

    public Task InitializeAsync() => _redis.InitializeAsync();

    public Task DisposeAsync() => _redis.DisposeAsync();

    [Fact]
    public async Task After_kill_9_mid_run_the_restarted_host_removes_the_dead_hosts_container()
    {
        var crashed = "crash-" + Guid.NewGuid().ToString("N")[..12];
        using var engine = new EngineContainers(crashed);
        var host = await HostProcess.StartAsync(HostDll, Settings(crashed));
        using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl), Timeout = Timeout.InfiniteTimeSpan };
        var run = http.PostAsJsonAsync("/api/v1/run", new { language = "python", code = "import time\ntime.sleep(600)" });
        await Eventually.TrueAsync(async () => await engine.CountAsync() == 1, "the run's container", EndToEndTest.RunTimeout);

        await host.KillAsync();
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => run);
        Assert.Equal(1, await engine.CountAsync());
        await host.DisposeAsync();

        await using var restarted = await HostProcess.StartAsync(HostDll, Settings("restart-" + Guid.NewGuid().ToString("N")[..12]));
        // The bound: a minute after the restart there is nothing left.
        await Eventually.TrueAsync(async () => await engine.CountAsync() == 0, "no container of the dead host", TimeSpan.FromMinutes(1));
    }

    private Dictionary<string, string> Settings(string instance) => new()
    {
        ["Redis__Configuration"] = _redis.Configuration,
        ["Sandbox__InstanceId"] = instance,
        ["Sandbox__Pool__Size"] = "0",
        ["Sandbox__RunTimeout"] = "00:10:00",
    };

}

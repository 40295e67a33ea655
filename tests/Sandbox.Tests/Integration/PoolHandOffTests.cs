using CodeCube.Sandbox.Pool;
using CodeCube.Testing.Logging;
using Microsoft.Extensions.Logging;

namespace CodeCube.Sandbox.Tests.Integration;

/// <summary>
/// A run that finds no container ready while the pool is starting one for its language waits for that one instead of
/// starting its own. The real engine, slowed at the right moment by a tap that holds the pool's start request.
/// </summary>
public sealed class PoolHandOffTests : IAsyncLifetime
{
    private readonly EngineTap tap = new();
    private readonly LogSink logs = new();
    private readonly string instanceId = TestSandbox.NewInstanceId("handoff");
    private ServiceProvider? provider;

    public Task InitializeAsync()
    {
        var settings = TestSandbox.Settings(instanceId);
        settings["Sandbox:DockerEndpoint"] = tap.Endpoint;
        settings["Sandbox:Pool:Size"] = "1";
        settings["Sandbox:Pool:Languages:0"] = "python";
        provider = TestServices.Build(settings, (services, configuration) => services
            .AddLogging(b => b.AddProvider(logs))
            .AddDockerSandbox(configuration));
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_run_waits_for_the_container_the_pool_is_already_starting()
    {
        var pool = provider!.GetRequiredService<WarmPool>();
        tap.Hold("/start ");
        await pool.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => tap.Held == 1, "the pool's start to reach the engine");

        var run = provider!.GetRequiredService<ISandbox>().RunAsync(
            new RunRequest("python", "print('handed over')", "", []), null, CancellationToken.None);
        await Eventually.TrueAsync(() => pool.Stats().Any(s => s.Language == "python" && s.Misses == 1),
            "the run to find the pool empty");
        tap.Release();
        var result = await run;

        Assert.Equal("handed over\n", result.Stdout);
        Assert.Contains(logs.Entries, e => e.Message.StartsWith("Ran python", StringComparison.Ordinal) &&
            e.Message.Contains("(joined)", StringComparison.Ordinal));
        await pool.StopAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        tap.Release();
        if (provider is not null)
        {
            await provider.DisposeAsync();
        }

        await tap.DisposeAsync();
        var left = await TestSandbox.ContainersAsync(instanceId);
        Assert.Empty(left);
    }
}

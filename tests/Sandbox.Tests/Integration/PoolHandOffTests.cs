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
    private readonly LogSink logs = new();
    private readonly TappedSandbox sandbox;

    public PoolHandOffTests()
    {
        sandbox = new TappedSandbox(
            new Dictionary<string, string> { ["Sandbox:Pool:Size"] = "1", ["Sandbox:Pool:Languages:0"] = "python" },
            services => services.AddLogging(b => b.AddProvider(logs)));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_run_waits_for_the_container_the_pool_is_already_starting()
    {
        var (tap, pool) = (sandbox.Tap, sandbox.Services.GetRequiredService<WarmPool>());
        tap.Hold("/start ");
        await pool.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => tap.Held == 1, "the pool's start to reach the engine");

        var run = sandbox.Sandbox.RunAsync(
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

    public async Task DisposeAsync() => await sandbox.DisposeAsync();
}

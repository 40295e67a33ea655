using CodeCube.Sandbox.Docker;
using Xunit.Abstractions;

namespace CodeCube.Sandbox.Tests.Integration;

/// <summary>
/// What one run costs the engine in API calls and connections, counted by a tap in front of the real engine. The hot
/// path is create, attach, start (whether the pool or the run starts the container) and remove; nothing else. Only
/// attach opens a connection (it takes its connection over for the container's streams); the other calls reuse
/// pooled ones, of which a few are opened when calls overlap (a removal running while the next create goes out).
/// </summary>
public sealed class EngineTrafficTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Runs = 6;
    private readonly TappedSandbox sandbox = new(new Dictionary<string, string> { ["Sandbox:Pool:Size"] = "0" });

    public Task InitializeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_run_costs_four_engine_calls_and_opens_one_connection()
    {
        var tap = sandbox.Tap;
        var remover = sandbox.Services.GetRequiredService<ContainerRemover>();
        await sandbox.Sandbox.RunAsync(new RunRequest("python", "print('warm up')", "", []), null, CancellationToken.None);
        await remover.DrainAsync();
        var (calls, connections) = (tap.Requests.Count, tap.Connections);

        for (var i = 0; i < Runs; i++)
        {
            var result = await sandbox.Sandbox.RunAsync(new RunRequest("python", $"print({i})", "", []), null, CancellationToken.None);
            Assert.Equal($"{i}\n", result.Stdout);
        }

        await remover.DrainAsync();
        var perRun = tap.Requests.Skip(calls).GroupBy(r => r).Select(g => $"{g.Key} ×{(double)g.Count() / Runs:0.##}");
        var opened = tap.Connections - connections;
        output.WriteLine($"per run: {string.Join(", ", perRun)}; {opened} connections opened in {Runs} runs");

        Assert.Equal(4 * Runs, tap.Requests.Count - calls);
        Assert.InRange(opened, Runs, Runs + 2);
    }

    public async Task DisposeAsync() => await sandbox.DisposeAsync();
}

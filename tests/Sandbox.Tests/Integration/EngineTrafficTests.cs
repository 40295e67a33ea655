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
    private readonly EngineTap tap = new();
    private readonly string instanceId = TestSandbox.NewInstanceId("tap");
    private ServiceProvider? provider;

    public Task InitializeAsync()
    {
        var settings = TestSandbox.Settings(instanceId);
        settings["Sandbox:DockerEndpoint"] = tap.Endpoint;
        settings["Sandbox:Pool:Size"] = "0";
        provider = TestServices.Build(settings, (services, configuration) => services.AddDockerSandbox(configuration));
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_run_costs_four_engine_calls_and_opens_one_connection()
    {
        var sandbox = provider!.GetRequiredService<ISandbox>();
        await sandbox.RunAsync(new RunRequest("python", "print('warm up')", "", []), null, CancellationToken.None);
        await provider!.GetRequiredService<ContainerRemover>().DrainAsync();
        var (calls, connections) = (tap.Requests.Count, tap.Connections);

        for (var i = 0; i < Runs; i++)
        {
            var result = await sandbox.RunAsync(new RunRequest("python", $"print({i})", "", []), null, CancellationToken.None);
            Assert.Equal($"{i}\n", result.Stdout);
        }

        await provider!.GetRequiredService<ContainerRemover>().DrainAsync();
        var perRun = tap.Requests.Skip(calls).GroupBy(r => r).Select(g => $"{g.Key} ×{(double)g.Count() / Runs:0.##}");
        var opened = tap.Connections - connections;
        output.WriteLine($"per run: {string.Join(", ", perRun)}; {opened} connections opened in {Runs} runs");

        Assert.Equal(4 * Runs, tap.Requests.Count - calls);
        Assert.InRange(opened, Runs, Runs + 2);
    }

    public async Task DisposeAsync()
    {
        if (provider is not null)
        {
            await provider.DisposeAsync();
        }

        await tap.DisposeAsync();
    }
}

using System.Diagnostics;
using System.Globalization;
using CodeCube.Core.Contracts;
using CodeCube.Host.Runs;
using CodeCube.Sandbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CodeCube.Bench;

/// <summary>
/// The run queue's cost, side by side in one process over one warm pool: a pooled Python hello world through the
/// Docker sandbox directly, and the same through the Redis Stream (enqueue → worker → answer), alternating so machine
/// noise hits both alike. The queued runs come from a front host of their own (<c>Runs:LocalWorker=false</c>, its own
/// Redis connection), as on a multi-machine deployment: a host's own free worker would skip the stream.
/// `bench/run.sh --queue-overhead`.
/// </summary>
internal static class QueueOverhead
{
    public static async Task<int> RunAsync(string redis, bool quick, string imagesDir)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Redis:Configuration"] = redis,
            ["Sandbox:ImagesDirectory"] = imagesDir,
            ["Sandbox:InstanceId"] = $"bench-queue-{Guid.NewGuid():N}"[..24],
            ["Sandbox:Pool:Size"] = "2",
            ["Sandbox:Pool:Languages:0"] = "python",
            ["Runs:Group"] = $"bench-{Guid.NewGuid():N}",
        };
        await using var provider = Build(settings);
        await using var front = Build(new Dictionary<string, string?>(settings) { ["Runs:LocalWorker"] = "false" });
        var hosted = provider.GetServices<IHostedService>().ToList();
        foreach (var service in hosted)
        {
            await service.StartAsync(CancellationToken.None);
        }

        var queued = front.GetRequiredService<ISandbox>();
        var direct = provider.GetRequiredKeyedService<ISandbox>(SandboxServiceCollectionExtensions.DockerSandboxKey);
        var runs = quick ? 20 : 60;
        var times = new Dictionary<string, List<double>> { ["direct"] = [], ["queue"] = [] };
        var failures = 0;
        for (var i = -3; i < runs; i++)
        {
            // Alternate which path goes first; the pause lets the pool refill so both take a warm container.
            foreach (var (name, sandbox) in i % 2 == 0 ? new[] { ("direct", direct), ("queue", queued) } : [("queue", queued), ("direct", direct)])
            {
                await Task.Delay(400);
                var watch = Stopwatch.StartNew();
                var result = await sandbox.RunAsync(new RunRequest("python", $"print('hello') # {i}"), null, CancellationToken.None);
                if (result.Stdout != "hello\n")
                {
                    failures++;
                }

                if (i >= 0)
                {
                    times[name].Add(watch.Elapsed.TotalMilliseconds);
                }
            }
        }

        for (var i = hosted.Count - 1; i >= 0; i--)
        {
            await hosted[i].StopAsync(CancellationToken.None);
        }

        double P(List<double> xs, double q) => xs.Order().ElementAt((int)Math.Min(xs.Count - 1, Math.Floor(q * xs.Count)));
        var (d50, q50) = (P(times["direct"], 0.5), P(times["queue"], 0.5));
        var (d95, q95) = (P(times["direct"], 0.95), P(times["queue"], 0.95));
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine("| path | runs | p50 ms | p95 ms |");
        Console.WriteLine("|---|---|---|---|");
        Console.WriteLine(string.Create(c, $"| direct (DockerSandbox, pooled) | {runs} | {d50:0.0} | {d95:0.0} |"));
        Console.WriteLine(string.Create(c, $"| queue (Redis Stream, worker in process) | {runs} | {q50:0.0} | {q95:0.0} |"));
        Console.WriteLine(string.Create(c, $"\nqueue − direct at p50: {q50 - d50:+0.0;-0.0} ms; ratio {q50 / d50:0.00}; failures {failures}"));
        return failures == 0 ? 0 : 1;
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(config);
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole());
        // The queue's workers count their waits in the runs area's metrics.
        services.AddMetrics();
        services.AddSingleton<CodeCube.Core.Running.RunMetrics>();
        services.AddRunQueue(config);
        return services.BuildServiceProvider();
    }
}

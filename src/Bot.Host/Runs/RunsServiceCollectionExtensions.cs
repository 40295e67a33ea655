using CodeCube.Core.Contracts;
using CodeCube.Core.Options;
using CodeCube.Core.Running;
using CodeCube.Host.Storage;
using CodeCube.Sandbox;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CodeCube.Host.Runs;

public static class RunsServiceCollectionExtensions
{
    /// <summary>
    /// The host's side of the run queue: <see cref="ISandbox"/> enqueues on the Redis Stream and awaits the answer;
    /// with <c>Runs:LocalWorker</c> (default) an in-process worker takes the same path (or the run goes to it directly
    /// when it is free and caught up, see <see cref="WorkerSlots"/>) and the Docker sandbox is registered here; without it the host needs no Docker engine, only the language manifest. Adds the "workers"
    /// health check.
    /// </summary>
    public static IServiceCollection AddRunQueue(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var local = configuration.GetValue($"{RunsOptions.Section}:{nameof(RunsOptions.LocalWorker)}", true);
        if (local)
        {
            services.AddRunWorker(configuration);
            // The host's run budget already bounds how many runs reach its own worker: unless Worker:Concurrency is
            // set, the local worker takes as many at once as the budget admits, so one process behaves as before the
            // queue (a held run never leaves an admitted chat run waiting for a worker slot).
            // Read raw, not through IOptions<PipelineOptions>: a bad pipeline value must fail once, in its own
            // validation, not again inside the worker's options.
            var raw = configuration[$"{PipelineOptions.Section}:{nameof(PipelineOptions.MaxConcurrentRuns)}"];
            var budget = int.TryParse(raw, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : new PipelineOptions().MaxConcurrentRuns;
            services.PostConfigure<WorkerOptions>(worker =>
            {
                if (worker.Concurrency == 0)
                {
                    worker.Concurrency = Math.Clamp(budget, 1, 256);
                }
            });
        }
        else
        {
            services.AddRunQueueBasics(configuration);
            services.AddLanguageRegistry(configuration);
        }

        services.Replace(ServiceDescriptor.Singleton<ISandbox>(sp => new QueuedSandbox(
            sp.GetRequiredService<IConnectionMultiplexer>(),
            sp.GetRequiredService<RunQueueKeys>(),
            sp.GetKeyedService<ISandbox>(SandboxServiceCollectionExtensions.DockerSandboxKey),
            sp.GetService<WorkerSlots>(),
            sp.GetRequiredService<IOptions<RunsOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<RunMetrics>(),
            sp.GetRequiredService<ILogger<QueuedSandbox>>())));
        services.TryAddSingleton<WorkerDirectory>();
        services.AddHealthChecks().AddCheck<WorkersHealthCheck>("workers");
        return services;
    }

    /// <summary>A sandbox worker: the Docker sandbox (pool, reaper) and the consumer of the run stream.</summary>
    public static IServiceCollection AddRunWorker(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRunQueueBasics(configuration);
        services.AddDockerSandbox(configuration);
        services.AddValidatedOptions<WorkerOptions, WorkerOptionsValidator>(configuration, WorkerOptions.Section);
        services.TryAddSingleton<WorkerSlots>();
        services.AddHostedService<RunWorker>();
        return services;
    }

    private static void AddRunQueueBasics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<RunsOptions, RunsOptionsValidator>(configuration, RunsOptions.Section);
        services.AddRedisConnection(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new RunQueueKeys(sp.GetRequiredService<IOptions<RunsOptions>>().Value.Group));
    }
}

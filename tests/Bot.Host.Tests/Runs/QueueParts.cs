using CodeCube.Core.Running;
using CodeCube.Host.Runs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace CodeCube.Host.Tests.Runs;

/// <summary>
/// The run queue's two sides as the Runs tests build them on a real Redis: a host's <see cref="QueuedSandbox"/> and a
/// <see cref="RunWorker"/> (named after the group), with fast heartbeats and a long queue timeout.
/// </summary>
internal sealed class QueueParts : IDisposable
{
    private readonly ServiceProvider _meters = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public static string WorkerName(RunQueueKeys keys) => "w-" + keys.Group;

    public static WorkerOptions Workers(RunQueueKeys keys, int concurrency = 1) =>
        new() { Name = WorkerName(keys), Concurrency = concurrency };

    public QueuedSandbox Host(IConnectionMultiplexer redis, RunQueueKeys keys, ISandbox? local = null, WorkerSlots? slots = null) =>
        new(redis, keys, local, slots, MsOptions.Create(Runs(keys)), TimeProvider.System,
            new RunMetrics(_meters.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()), NullLogger<QueuedSandbox>.Instance);

    public static RunWorker Worker(
        IConnectionMultiplexer redis, RunQueueKeys keys, ISandbox sandbox, WorkerSlots? slots = null, int concurrency = 1)
    {
        var workers = MsOptions.Create(Workers(keys, concurrency));
        return new(redis, keys, sandbox, new FakeLanguages(), slots ?? new WorkerSlots(workers), MsOptions.Create(Runs(keys)),
            workers, TimeProvider.System, NullLogger<RunWorker>.Instance);
    }

    /// <summary>
    /// <paramref name="redis"/>, with what <paramref name="replace"/> makes of the result of each call of the database
    /// method named <paramref name="method"/> on a run's result key (the key, the real call's result).
    /// </summary>
    public static IConnectionMultiplexer OnResultKey(
        IConnectionMultiplexer redis, RunQueueKeys keys, string method, Func<RedisKey, object?, object?> replace) =>
        InterceptingProxy<IConnectionMultiplexer>.Wrap(redis, (m, _, result) =>
            m.Name == nameof(IConnectionMultiplexer.GetDatabase)
                ? InterceptingProxy<IDatabase>.Wrap((IDatabase)result!, (dm, a, r) =>
                    dm.Name == method && a![0] is RedisKey key
                        && ((string)key!).StartsWith((string)keys.Result("")!, StringComparison.Ordinal)
                        ? replace(key, r)
                        : r)
                : result);

    public void Dispose() => _meters.Dispose();

    private static RunsOptions Runs(RunQueueKeys keys) => new()
    {
        Group = keys.Group,
        QueueTimeout = TimeSpan.FromMinutes(1),
        HeartbeatInterval = TimeSpan.FromMilliseconds(200),
    };
}

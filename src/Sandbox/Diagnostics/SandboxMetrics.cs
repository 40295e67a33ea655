using System.Diagnostics.Metrics;
using CodeCube.Sandbox.Docker;
using CodeCube.Sandbox.Pool;

namespace CodeCube.Sandbox.Diagnostics;

/// <summary>What a pool can tell about itself; the warm pool (whatever its strategy) implements it.</summary>
public interface IPoolStats
{
    /// <summary>Per language: ready containers now and the pool's current target, among others.</summary>
    IReadOnlyList<PoolLanguageStats> Stats();
}

/// <summary>
/// The sandbox's one Meter: containers this process holds now, and per language the warm pool's size and how often
/// a run found a ready container (hit) or had to start one cold (miss).
/// </summary>
public sealed class SandboxMetrics
{
    public const string MeterName = "CodeCube.Sandbox";

    private readonly Counter<long> _hits;
    private readonly Counter<long> _misses;

    internal SandboxMetrics(IMeterFactory meters, SandboxInstance instance, IPoolStats pool)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableUpDownCounter("codecube.containers.live", () => instance.LiveCount, "{container}",
            "Run containers this process has created and not removed yet (pooled ones included)");
        meter.CreateObservableGauge("codecube.pool.size", () => PerLanguage(pool, s => s.Ready),
            "{container}", "Warm containers ready per language");
        meter.CreateObservableGauge("codecube.pool.target", () => PerLanguage(pool, s => s.Target),
            "{container}", "Warm containers the adaptive pool aims to keep per language");
        _hits = meter.CreateCounter<long>("codecube.pool.hits", "{run}", "Runs that took a warm container, per language");
        _misses = meter.CreateCounter<long>("codecube.pool.misses", "{run}", "Runs that started a container cold, per language");
    }

    private static IEnumerable<Measurement<int>> PerLanguage(IPoolStats pool, Func<PoolLanguageStats, int> value) =>
        pool.Stats().Select(s => new Measurement<int>(value(s), new KeyValuePair<string, object?>("language", s.Language)));

    public void Took(string language, bool warm) =>
        (warm ? _hits : _misses).Add(1, new KeyValuePair<string, object?>("language", language));
}

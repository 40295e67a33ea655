using System.Diagnostics.Metrics;
using CodeCube.Sandbox.Docker;

namespace CodeCube.Sandbox.Diagnostics;

/// <summary>What a pool can tell about itself; the warm pool (whatever its strategy) implements it.</summary>
public interface IPoolStats
{
    /// <summary>Ready containers per language id right now.</summary>
    IEnumerable<KeyValuePair<string, int>> ReadyByLanguage();
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
        meter.CreateObservableGauge("codecube.pool.size", () => pool.ReadyByLanguage()
                .Select(p => new Measurement<int>(p.Value, new KeyValuePair<string, object?>("language", p.Key))),
            "{container}", "Warm containers ready per language");
        _hits = meter.CreateCounter<long>("codecube.pool.hits", "{run}", "Runs that took a warm container, per language");
        _misses = meter.CreateCounter<long>("codecube.pool.misses", "{run}", "Runs that started a container cold, per language");
    }

    public void Took(string language, bool warm) =>
        (warm ? _hits : _misses).Add(1, new KeyValuePair<string, object?>("language", language));
}

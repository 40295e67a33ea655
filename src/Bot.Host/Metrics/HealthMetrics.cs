using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CodeCube.Host.Metrics;

/// <summary>
/// The host's one Meter: <c>codecube.health</c> (1 healthy, 0 not) per /healthz check (redis, docker, ...). The checks
/// run on the health publisher's schedule, never inside a scrape, so a slow engine cannot stall Prometheus.
/// </summary>
public sealed class HealthMetrics : IHealthCheckPublisher
{
    public const string MeterName = "CodeCube.Host";

    private readonly ConcurrentDictionary<string, HealthStatus> _latest = new(StringComparer.Ordinal);

    public HealthMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        meters.Create(MeterName).CreateObservableGauge("codecube.health", Observe, "1",
            "1 when the named dependency check (redis, docker, ...) passed at its last run, 0 otherwise");
    }

    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        foreach (var (name, entry) in report.Entries)
        {
            _latest[name] = entry.Status;
        }

        return Task.CompletedTask;
    }

    private IEnumerable<Measurement<int>> Observe() => _latest.Select(p => new Measurement<int>(
        p.Value == HealthStatus.Healthy ? 1 : 0, new KeyValuePair<string, object?>("check", p.Key)));
}

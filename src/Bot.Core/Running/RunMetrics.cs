using System.Diagnostics;
using System.Diagnostics.Metrics;
using CodeCube.Core.Contracts;

namespace CodeCube.Core.Running;

/// <summary>
/// The runs area's one Meter (<see cref="MeterName"/>) and ActivitySource. Instrument names are a public contract:
/// dashboards and alerts (docs/operations.md) use them, so they never change. Labels are low-cardinality on purpose:
/// language, outcome, origin platform, never a user or a snippet id.
/// </summary>
public sealed class RunMetrics
{
    public const string MeterName = "CodeCube.Runs";

    /// <summary>Spans around each run (the sandbox call included), exported with OTLP when it is configured.</summary>
    public static readonly ActivitySource Activities = new(MeterName);

    // Runs take from tens of milliseconds (cache) to the run timeout; queue waits are shorter.
    private static readonly double[] RunBuckets = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 30, 60];
    private static readonly double[] WaitBuckets = [0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30];

    private readonly Counter<long> _runs;
    private readonly Histogram<double> _duration;
    private readonly Histogram<double> _queueWait;
    private readonly Counter<long> _refusals;
    private readonly Counter<long> _rateLimited;

    public RunMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _runs = meter.CreateCounter<long>("codecube.runs", "{run}",
            "Runs finished, by language, outcome, origin (platform, web, cli) and cached");
        _duration = meter.CreateHistogram<double>("codecube.run.duration", "s",
            "Wall time of a run as the sandbox measured it (0 for cached answers)",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = RunBuckets });
        _queueWait = meter.CreateHistogram<double>("codecube.run.queue_wait", "s",
            "Time a run waited before it started, by queue (run_slot: a free run slot on the host; run_queue: a worker)",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = WaitBuckets });
        _refusals = meter.CreateCounter<long>("codecube.run.refusals", "{run}",
            "Runs refused before they started, by reason (busy, client_busy: the run budget; banned) and origin");
        _rateLimited = meter.CreateCounter<long>("codecube.rate_limit.hits", "{request}",
            "Requests refused by a rate limit, by scope (user, channel, web, admin)");
    }

    public void Ran(RunRecord record, SnippetOrigin origin)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(origin);
        var tags = new TagList
        {
            { "language", record.Result.Language },
            { "outcome", record.Result.Outcome.ToWire() },
            { "origin", origin.Platform },
            { "cached", record.FromCache ? "true" : "false" },
        };
        _runs.Add(1, tags);
        if (!record.FromCache)
        {
            _duration.Record(record.Result.WallMs / 1000.0,
                new KeyValuePair<string, object?>("language", record.Result.Language),
                new KeyValuePair<string, object?>("outcome", record.Result.Outcome.ToWire()));
        }
    }

    /// <summary>A run waited <paramref name="wait"/> in <paramref name="queue"/> before it went on.</summary>
    public void Waited(TimeSpan wait, WaitQueue queue) =>
        _queueWait.Record(wait.TotalSeconds, new KeyValuePair<string, object?>("queue", queue == WaitQueue.RunSlot ? "run_slot" : "run_queue"));

    /// <summary>A run that never started; <paramref name="reason"/> is one of a few fixed words.</summary>
    public void Refused(string reason, string origin) =>
        _refusals.Add(1, new KeyValuePair<string, object?>("reason", reason), new KeyValuePair<string, object?>("origin", origin));

    public void RateLimited(string scope) => _rateLimited.Add(1, new KeyValuePair<string, object?>("scope", scope));
}

/// <summary>Where a run waits before it starts (the <c>queue</c> label of <c>codecube.run.queue_wait</c>).</summary>
public enum WaitQueue
{
    /// <summary>For a free run slot on the host that took the request (Pipeline:MaxConcurrentRuns).</summary>
    RunSlot,

    /// <summary>On the run queue (Redis Stream) until a worker starts it.</summary>
    RunQueue,
}

using System.Diagnostics.Metrics;

namespace CodeCube.Host.Runs;

/// <summary>The run queue's one Meter: how long runs wait for a worker (enqueue → a worker starts it).</summary>
internal static class RunsMetrics
{
    public const string MeterName = "CodeCube.Runs";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Histogram<double> QueueWait = Meter.CreateHistogram<double>(
        "codecube.runs.queue_wait", unit: "ms", description: "Time a run waited in the queue before a worker started it");
}

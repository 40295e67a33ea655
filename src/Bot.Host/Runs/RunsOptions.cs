using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace CodeCube.Host.Runs;

/// <summary>The "Runs" section: how the host hands runs to sandbox workers over a Redis Stream.</summary>
public sealed class RunsOptions
{
    public const string Section = "Runs";

    /// <summary>Run an in-process worker on the same stream (one process needs nothing else); false: only enqueue.</summary>
    public bool LocalWorker { get; set; } = true;

    /// <summary>How long a run may wait for a worker to take it (or to show life again) before "no sandbox worker available".</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan QueueTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Names the stream, consumer group and keys: one per deployment sharing a Redis.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9_.-]{1,64}$", ErrorMessage = "{0} may only use letters, digits, '_', '.' and '-'.")]
    public string Group { get; set; } = "codecube";

    /// <summary>Approximate cap on the stream's length (XADD MAXLEN ~); entries are also deleted once answered.</summary>
    [Range(100, 10_000_000)]
    public int StreamMaxLength { get; set; } = 10_000;

    /// <summary>A run pending this long without its worker's heartbeat is claimed by another worker and rerun.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ClaimAfter { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>A run delivered this many times without an answer is dead-lettered as a sandbox error.</summary>
    [Range(1, 20)]
    public int MaxDeliveries { get; set; } = 3;

    /// <summary>How often a worker publishes its heartbeat, claims stalled runs and (without a nudge) polls the stream.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Live output bytes sent across machines per run; chunks past the cap are not sent (the result has all).</summary>
    [Range(0, 16 * 1024 * 1024)]
    public int ProgressBytes { get; set; } = 64 * 1024;
}

[OptionsValidator]
internal sealed partial class RunsOptionsValidator : IValidateOptions<RunsOptions>;

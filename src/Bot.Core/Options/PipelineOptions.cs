using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace CodeCube.Core.Options;

/// <summary>Chat command handling, bound from the "Pipeline" configuration section.</summary>
public sealed class PipelineOptions
{
    public const string Section = "Pipeline";

    /// <summary>What starts a command: "!" makes <c>!run</c>, <c>!help</c>, <c>!langs</c>.</summary>
    [Required, MinLength(1), MaxLength(8)]
    [RegularExpression(@"^\S+$", ErrorMessage = "{0} must not contain whitespace.")]
    public string Prefix { get; set; } = "!";

    /// <summary>Workers handling chat events at once, per adapter (each platform has its own, so one slow or
    /// flooded platform never stalls another). A run slot is only held while the program runs, never while a
    /// reply is sent.</summary>
    [Range(1, 1024)]
    public int Workers { get; set; } = 16;

    /// <summary>Events buffered per adapter before its workers; a full buffer slows that adapter down.</summary>
    [Range(1, 100_000)]
    public int EventQueueCapacity { get; set; } = 256;

    /// <summary>Runs executing at once, over all platforms.</summary>
    [Range(1, 1024)]
    public int MaxConcurrentRuns { get; set; } = 4;

    /// <summary>Runs allowed to wait for a free slot; beyond that the answer is "busy".</summary>
    [Range(0, 10_000)]
    public int MaxQueuedRuns { get; set; } = 8;

    /// <summary>Runs one client (a chat user, a web address or IPv6 /64) may have admitted at once; 0 = no limit.</summary>
    [Range(0, 1024)]
    public int MaxRunsPerClient { get; set; } = 2;

    /// <summary>What a refused run is told to wait before trying again (HTTP Retry-After).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A run taking longer than this shows a typing indicator.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan ProgressDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often the indicator is renewed (Discord's lasts about 10 s).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>Upper bound on handling one event, queueing and running included.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan EventTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>On shutdown, how long queued and running events may still finish.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(20);
}

[OptionsValidator]
internal sealed partial class PipelineOptionsValidator : IValidateOptions<PipelineOptions>;

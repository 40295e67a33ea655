using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace CodeCube.Host.Runs;

/// <summary>The "Worker" section: this process as a sandbox worker (`codecube worker`, or the host's local worker).</summary>
public sealed class WorkerOptions
{
    public const string Section = "Worker";

    /// <summary>Shown in /api/v1/workers and used as the consumer name; default host name + pid.</summary>
    [RegularExpression("^[A-Za-z0-9_.:-]{1,100}$", ErrorMessage = "{0} may only use letters, digits, '_', '.', ':' and '-'.")]
    public string? Name { get; set; }

    /// <summary>Runs at once on this worker; 0: the host's own worker takes Pipeline:MaxConcurrentRuns, `codecube worker` one per processor.</summary>
    [Range(0, 256)]
    public int Concurrency { get; set; }

    public string EffectiveName => Name is { Length: > 0 } name ? name : $"{Environment.MachineName}-{Environment.ProcessId}";

    public int EffectiveConcurrency => Concurrency > 0 ? Concurrency : Math.Max(2, Environment.ProcessorCount);
}

[OptionsValidator]
internal sealed partial class WorkerOptionsValidator : IValidateOptions<WorkerOptions>;

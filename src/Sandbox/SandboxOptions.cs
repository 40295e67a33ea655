using System.ComponentModel.DataAnnotations;
using CodeCube.Core.Options;
using Microsoft.Extensions.Options;

namespace CodeCube.Sandbox;

/// <summary>
/// How every run container is hardened and limited (configuration section "Sandbox"). The defaults are the safe
/// ones; per-language limits from the manifest raise or lower memory, pids and the compile timeout.
/// </summary>
public sealed class SandboxOptions
{
    public const string Section = "Sandbox";

    /// <summary>Docker engine endpoint.</summary>
    [Required]
    [AbsoluteUri]
    public string DockerEndpoint { get; set; } = "unix:///var/run/docker.sock";

    /// <summary>Folder holding languages.json and .build/images.json; found by walking up when empty.</summary>
    public string? ImagesDirectory { get; set; }

    /// <summary>Timeout for one engine call (create, start, inspect, remove), so a stuck engine never hangs a run.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan EngineTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Wall-clock limit of a program's run (compiling not included).</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "00:10:00")]
    public TimeSpan RunTimeout { get; set; } = TimeSpan.FromSeconds(10);

    [Range(typeof(TimeSpan), "00:00:00.1", "00:10:00")]
    public TimeSpan CompileTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Extra time the runner gets to print its marker after the compile limit before the host kills it.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan MarkerGrace { get; set; } = TimeSpan.FromSeconds(3);

    [Range(16, 65_536)]
    public int MemoryMiB { get; set; } = 256;

    /// <summary>CPUs as a fraction (1.0 = one core), applied as NanoCPUs.</summary>
    [Range(0.05, 64)]
    public double Cpus { get; set; } = 1.0;

    [Range(8, 4096)]
    public int PidsLimit { get; set; } = 64;

    [Range(1, 1024)]
    public int TmpfsMiB { get; set; } = 64;

    [Range(16, 65_536)]
    public int NoFileLimit { get; set; } = 256;

    [Range(1, 1024)]
    public int FileSizeMiB { get; set; } = 16;

    [Range(1, 64 * 1024 * 1024)]
    public int StdoutLimitBytes { get; set; } = 64 * 1024;

    [Range(1, 64 * 1024 * 1024)]
    public int StderrLimitBytes { get; set; } = 64 * 1024;

    /// <summary>UID:GID the program runs as.</summary>
    [Required]
    [RegularExpression(@"^\d+:\d+$", ErrorMessage = "{0} must be numeric UID:GID such as 10001:10001.")]
    public string User { get; set; } = "10001:10001";

    [Required]
    public string NetworkMode { get; set; } = "none";

    /// <summary>OCI runtime, e.g. "runsc" for gVisor; empty uses the engine's default.</summary>
    public string? Runtime { get; set; }

    /// <summary>
    /// Extra pids when <see cref="Runtime"/> is "runsc": gVisor's own host threads count against the container's
    /// pids cgroup (about 40 idle, ~90 while rustc compiles), so without headroom a program that merely reads stdin
    /// can kill its sandbox. A fork bomb stays bounded: every guest thread is a host thread.
    /// </summary>
    [Range(0, 4096)]
    public int RunscPidsHeadroom { get; set; } = 128;

    /// <summary>Label value that tells this process's containers from those of other instances.</summary>
    public string? InstanceId { get; set; }

    /// <summary>How often the reaper looks for leftover containers.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ReaperInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Leftovers of other (dead) instances are removed once older than compile + run limits + this.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan ReaperGrace { get; set; } = TimeSpan.FromMinutes(1);

    [Required]
    [ValidateObjectMembers]
    public WarmPoolOptions Pool { get; set; } = new();

    /// <summary>Keys that used to hold whole seconds or milliseconds.</summary>
    public static readonly IReadOnlyList<RenamedKey> RenamedKeys =
    [
        new($"{Section}:EngineTimeoutSeconds", $"{Section}:{nameof(EngineTimeout)}", OldUnit.Seconds),
        new($"{Section}:RunTimeoutMs", $"{Section}:{nameof(RunTimeout)}", OldUnit.Milliseconds),
        new($"{Section}:CompileTimeoutMs", $"{Section}:{nameof(CompileTimeout)}", OldUnit.Milliseconds),
        new($"{Section}:MarkerGraceMs", $"{Section}:{nameof(MarkerGrace)}", OldUnit.Milliseconds),
        new($"{Section}:ReaperIntervalSeconds", $"{Section}:{nameof(ReaperInterval)}", OldUnit.Seconds),
        new($"{Section}:ReaperGraceSeconds", $"{Section}:{nameof(ReaperGrace)}", OldUnit.Seconds),
        new($"{Section}:Pool:MaxIdleSeconds", $"{Section}:Pool:{nameof(WarmPoolOptions.MaxIdle)}", OldUnit.Seconds),
    ];
}

/// <summary>
/// Pre-started containers ("Sandbox:Pool"). By default the pool is adaptive: it keeps containers for the languages
/// in recent demand, within <see cref="MemoryBudgetMiB"/> and <see cref="MaxContainers"/>; <see cref="Size"/> turns
/// it into a fixed number per language (0 = off).
/// </summary>
public sealed class WarmPoolOptions
{
    /// <summary>Unset: adaptive. 0: no pool. N: exactly N ready per language (still within the budgets).</summary>
    [Range(0, 64)]
    public int? Size { get; set; }

    /// <summary>Languages that may be pooled; empty means all built languages.</summary>
    public List<string> Languages { get; set; } = [];

    /// <summary>Comma-separated languages that always keep one ready container, demand or not ("" for none).</summary>
    public string Always { get; set; } = "python,javascript";

    /// <summary>Sum of the memory limits of ready containers, in MiB; unset = 1/8 of the machine's memory.</summary>
    [Range(0, 1_048_576)]
    public int? MemoryBudgetMiB { get; set; }

    /// <summary>Ready containers at most, over all languages; 0 turns the pool off.</summary>
    [Range(0, 1024)]
    public int MaxContainers { get; set; } = 16;

    /// <summary>Half-life of the per-language demand estimate: how fast the pool follows a change in the mix.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan DemandHalfLife { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A language with no run for this long drains to zero (unless in <see cref="Always"/>).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan IdleAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A pooled container older than this is replaced, so none idles forever.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan MaxIdle { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The languages of <see cref="Always"/>, parsed.</summary>
    public IReadOnlyList<string> AlwaysLanguages =>
        Always.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary><see cref="MemoryBudgetMiB"/>, or 1/8 of the memory this process can see.</summary>
    public long EffectiveMemoryBudgetMiB =>
        MemoryBudgetMiB ?? GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 8 / (1024 * 1024);
}

[OptionsValidator]
internal sealed partial class SandboxOptionsValidator : IValidateOptions<SandboxOptions>;

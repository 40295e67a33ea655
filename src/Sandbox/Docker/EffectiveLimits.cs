using CodeCube.Core.Contracts;
using CodeCube.Sandbox.Languages;

namespace CodeCube.Sandbox.Docker;

/// <summary>The options with the language's manifest overrides applied.</summary>
internal sealed record EffectiveLimits(
    int RunTimeoutMs,
    int CompileTimeoutMs,
    long MemoryBytes,
    long PidsLimit,
    long NanoCpus,
    int StdoutBytes,
    int StderrBytes)
{
    public static EffectiveLimits For(LanguageSpec language, SandboxOptions options)
    {
        var limits = language.Manifest.Limits;
        return new EffectiveLimits(
            limits?.RunTimeoutSeconds is { } run ? run * 1000 : (int)options.RunTimeout.TotalMilliseconds,
            limits?.CompileTimeoutSeconds is { } compile ? compile * 1000 : (int)options.CompileTimeout.TotalMilliseconds,
            (limits?.MemoryMiB ?? options.MemoryMiB) * 1024L * 1024L,
            limits?.Pids ?? options.PidsLimit,
            (long)((limits?.Cpus ?? options.Cpus) * 1_000_000_000),
            options.StdoutLimitBytes,
            options.StderrLimitBytes);
    }

    public AppliedLimits Applied => new(RunTimeoutMs, CompileTimeoutMs, MemoryBytes, StdoutBytes);
}

namespace CodeCube.Core.Contracts;

/// <summary>Everything one run produced. Stdout/stderr are already decoded (invalid UTF-8 replaced).</summary>
public sealed record RunResult(
    string Language,
    string Version,
    RunOutcome Outcome,
    int? ExitCode,
    int? Signal,
    string Stdout,
    string Stderr,
    long WallMs,
    bool Truncated,
    AppliedLimits? Limits = null,
    string? Detail = null)
{
    /// <summary>
    /// The sandbox saw the whole run (start and end markers, exit status, no kill): only such a result may be
    /// served again from the cache. Anything less (an engine restart, a kill, a lost stream) runs again next time.
    /// </summary>
    public bool FullyObserved { get; init; }

    public static RunResult SandboxError(string language, string version, string detail, long wallMs = 0) =>
        new(language, version, RunOutcome.SandboxError, null, null, "", "", wallMs, false, null, detail);
}

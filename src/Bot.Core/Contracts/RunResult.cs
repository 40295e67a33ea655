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
    public static RunResult SandboxError(string language, string version, string detail, long wallMs = 0) =>
        new(language, version, RunOutcome.SandboxError, null, null, "", "", wallMs, false, null, detail);
}

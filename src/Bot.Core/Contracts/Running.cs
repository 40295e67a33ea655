using System.Text.Json.Serialization;

namespace CodeCube.Core.Contracts;

/// <summary>How a run ended. Expected failures are values, not exceptions.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RunOutcome>))]
public enum RunOutcome
{
    /// <summary>The program ran to the end (any exit code) or was ended by a signal it raised itself.</summary>
    [JsonStringEnumMemberName("completed")] Completed,
    /// <summary>The compile step failed; stderr/stdout carry the compiler's output.</summary>
    [JsonStringEnumMemberName("compile_error")] CompileError,
    /// <summary>Killed by the wall-clock limit (compile or run).</summary>
    [JsonStringEnumMemberName("timed_out")] TimedOut,
    /// <summary>Killed by the kernel's OOM killer inside the container's memory cgroup.</summary>
    [JsonStringEnumMemberName("memory_limit")] MemoryLimit,
    /// <summary>Killed because stdout or stderr passed its byte cap; what came before the cap is kept.</summary>
    [JsonStringEnumMemberName("output_limit")] OutputLimit,
    /// <summary>The sandbox itself failed (engine down, image missing); <see cref="RunResult.Detail"/> says why.</summary>
    [JsonStringEnumMemberName("sandbox_error")] SandboxError,
}

/// <summary>Word used on the wire for an outcome (<c>completed</c>, <c>compile_error</c>, ...).</summary>
public static class RunOutcomeNames
{
    public static string ToWire(this RunOutcome outcome) => outcome switch
    {
        RunOutcome.Completed => "completed",
        RunOutcome.CompileError => "compile_error",
        RunOutcome.TimedOut => "timed_out",
        RunOutcome.MemoryLimit => "memory_limit",
        RunOutcome.OutputLimit => "output_limit",
        RunOutcome.SandboxError => "sandbox_error",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };

    public static bool TryParse(string? wire, out RunOutcome outcome)
    {
        foreach (var value in Enum.GetValues<RunOutcome>())
        {
            if (value.ToWire() == wire)
            {
                outcome = value;
                return true;
            }
        }
        outcome = default;
        return false;
    }
}

/// <summary>A request to run code once. <paramref name="Language"/> is a resolved language id.</summary>
public sealed record RunRequest(string Language, string Code, string Stdin = "", IReadOnlyList<string>? Args = null)
{
    public IReadOnlyList<string> Arguments => Args ?? [];
}

/// <summary>The limits a run was held to; the formatter uses them to explain a kill.</summary>
public sealed record AppliedLimits(int RunTimeoutMs, int CompileTimeoutMs, long MemoryBytes, long OutputBytes);

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

public enum OutputStream
{
    Stdout,
    Stderr,
}

/// <summary>A piece of program output, reported while the program still runs (for live views).</summary>
public readonly record struct OutputChunk(OutputStream Stream, string Text);

/// <summary>Runs untrusted code in a hardened, single-use container.</summary>
public interface ISandbox
{
    /// <summary>
    /// Runs <paramref name="request"/> once. Never throws for expected failures (timeouts, OOM, engine down):
    /// those come back as a <see cref="RunResult"/> with the matching <see cref="RunOutcome"/>.
    /// </summary>
    Task<RunResult> RunAsync(RunRequest request, IProgress<OutputChunk>? progress, CancellationToken ct);
}

/// <summary>
/// A runnable language as the images were built. <paramref name="LimitsKey"/> names the limits its runs get, so a
/// cached result is never served once the limits change (a bigger output cap may change what a run produces).
/// </summary>
public sealed record LanguageInfo(
    string Id,
    IReadOnlyList<string> Aliases,
    string Version,
    IReadOnlyList<string> Extensions,
    bool Compiled,
    string ImageDigest,
    string LimitsKey = "");

/// <summary>The languages this installation can run.</summary>
public interface ILanguageRegistry
{
    IReadOnlyList<LanguageInfo> All { get; }

    /// <summary>Finds a language by id, alias or file extension (".py"), case-insensitively.</summary>
    bool TryResolve(string idAliasOrExtension, out LanguageInfo language);

    /// <summary>Up to <paramref name="max"/> known ids/aliases closest to <paramref name="unknown"/>.</summary>
    IReadOnlyList<string> Suggest(string unknown, int max = 3);
}

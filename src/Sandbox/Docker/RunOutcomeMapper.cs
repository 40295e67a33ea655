using System.Globalization;
using CodeCube.Core.Contracts;
using CodeCube.Core.Replies;
using CodeCube.Sandbox.Protocol;

namespace CodeCube.Sandbox.Docker;

/// <summary>Why the host killed a container, if it did.</summary>
internal enum KillReason
{
    None,
    CompileTimeout,
    RunTimeout,
    OutputLimit,
    Cancelled,
}

/// <summary>What the host saw of one run, before it is turned into a <see cref="RunResult"/>.</summary>
internal sealed record RunObservation(
    MarkerStatus? Marker,
    KillReason Kill,
    bool OomKilled,
    long? ExitCode,
    string Stdout,
    string Stderr,
    long WallMs,
    bool Truncated,
    string? OverflowedStream = null,
    bool StartOnBoth = false,
    bool EndOnBoth = false,
    bool ExitedOnBoth = false);

internal static class RunOutcomeMapper
{
    public const string LostRun = "the sandbox lost the run before it finished; try again";

    public static RunResult Map(LanguageInfo language, RunObservation seen, AppliedLimits limits)
    {
        RunResult Result(RunOutcome outcome, int? exitCode, int? signal, string? detail) => new(
            language.Id, language.Version, outcome, exitCode, signal, seen.Stdout, seen.Stderr, seen.WallMs,
            seen.Truncated, limits, detail) { FullyObserved = IsFullyObserved(seen, outcome) };

        var exit = seen.ExitCode is { } e ? (int)e : (int?)null;
        var signal = exit > 128 ? exit - 128 : null;
        switch (seen.Kill)
        {
            case KillReason.OutputLimit:
                return Result(RunOutcome.OutputLimit, null, null,
                    $"{seen.OverflowedStream ?? "output"} passed the {ByteSize.Format(limits.OutputBytes)} limit");
            case KillReason.RunTimeout:
                return Result(RunOutcome.TimedOut, null, null, $"killed after the {Seconds(limits.RunTimeoutMs)} run limit");
            case KillReason.CompileTimeout:
                return Result(RunOutcome.TimedOut, null, null,
                    $"compiling took longer than {Seconds(limits.CompileTimeoutMs)}");
        }

        if (seen.OomKilled)
        {
            return Result(RunOutcome.MemoryLimit, exit, signal, $"killed at the {ByteSize.Format(limits.MemoryBytes)} memory limit");
        }

        return seen.Marker?.Kind switch
        {
            // The program started but its exit status was never learnt: the engine lost it (restarted, connection
            // dropped). Saying "completed" here would report and cache a run nobody saw end.
            MarkerKind.Run when exit is null => Result(RunOutcome.SandboxError, null, null, LostRun),
            MarkerKind.Run => Result(RunOutcome.Completed, exit, signal, null),
            MarkerKind.CompileFailed => Result(RunOutcome.CompileError, seen.Marker.CompileExitCode, null, null),
            MarkerKind.CompileTimeout => Result(RunOutcome.TimedOut, null, null,
                $"compiling took longer than {Seconds(limits.CompileTimeoutMs)}"),
            MarkerKind.Error or MarkerKind.Unknown => Result(RunOutcome.SandboxError, exit, null,
                $"the runner failed: {seen.Marker.Word}"),
            _ => Result(RunOutcome.SandboxError, exit, null,
                $"the runner exited{(exit is null ? "" : $" with code {exit}")} before starting the program"),
        };
    }

    /// <summary>
    /// Only a result whose whole course was seen may be cached: the runner's markers on both streams (and, for a
    /// run, its end markers on both), the exit status known, and nothing killed by the host or the kernel.
    /// </summary>
    private static bool IsFullyObserved(RunObservation seen, RunOutcome outcome) =>
        seen.Kill == KillReason.None && !seen.OomKilled && seen.ExitCode is not null && seen.StartOnBoth
        && !seen.Truncated
        && outcome switch
        {
            // A signal may come from outside (the engine stopping its containers), so only a reported exit counts.
            RunOutcome.Completed => seen.EndOnBoth && seen.ExitedOnBoth,
            RunOutcome.CompileError => seen.Marker?.CompileExitCode is < 128,
            _ => false,
        };

    internal static string Seconds(int ms) =>
        ms % 1000 == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{ms / 1000} s")
            : string.Create(CultureInfo.InvariantCulture, $"{ms / 1000.0:0.###} s");
}

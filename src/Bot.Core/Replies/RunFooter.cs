using CodeCube.Core.Commands;
using CodeCube.Core.Contracts;

namespace CodeCube.Core.Replies;

/// <summary>The facts under the output: "python 3.11.2 · exit 1 · 43 ms", and what a limit that was hit means.</summary>
internal static class RunFooter
{
    public const string Separator = " · ";

    /// <summary>Stands in for the permalink when the snippet could not be stored.</summary>
    public const string NotSaved = "permalink could not be saved";
    private const int MaxDetailChars = 300;

    /// <summary>Footer pieces, unescaped (the version and the sandbox's detail are not ours to trust).</summary>
    public static List<string> Pieces(RunResult result, bool fromCache)
    {
        var pieces = new List<string> { $"{result.Language} {result.Version}".Trim() };
        pieces.Add(Outcome(result));
        if (result.Outcome != RunOutcome.SandboxError || result.WallMs > 0)
        {
            pieces.Add(Duration(result.WallMs));
        }

        if (result.Truncated && result.Outcome != RunOutcome.OutputLimit)
        {
            pieces.Add("output cut");
        }

        if (fromCache)
        {
            pieces.Add("cached");
        }

        return pieces;
    }

    public static string Outcome(RunResult result)
    {
        var limits = result.Limits;
        return result.Outcome switch
        {
            RunOutcome.Completed when result.Signal is { } signal => $"killed by signal {signal}{SignalName(signal)}",
            RunOutcome.Completed => result.ExitCode is { } code ? $"exit {code}" : "exit ?",
            RunOutcome.CompileError => "compile error",
            RunOutcome.TimedOut => limits is null
                ? "killed: time limit reached, still running"
                : $"killed after {Seconds(limits.RunTimeoutMs)}: still running",
            RunOutcome.MemoryLimit => limits is null
                ? "killed: memory limit reached"
                : $"killed: used more than {ByteSize.Format(limits.MemoryBytes)}",
            RunOutcome.OutputLimit => limits is null
                ? "output cut at the limit, program killed"
                : $"output cut at {ByteSize.Format(limits.OutputBytes)}, program killed",
            RunOutcome.SandboxError => "sandbox error: " + Words.Clip(
                string.IsNullOrWhiteSpace(result.Detail) ? "unknown" : result.Detail.Trim(), MaxDetailChars),
            _ => result.Outcome.ToString(),
        };
    }

    public static string Duration(long ms) => ms < 1000 ? $"{ms} ms" : $"{ms / 1000.0:0.0#} s";

    private static string Seconds(int ms) => ms % 1000 == 0 ? $"{ms / 1000} s" : $"{ms / 1000.0:0.0#} s";

    private static string SignalName(int signal) => signal switch
    {
        4 => " (SIGILL)",
        6 => " (SIGABRT)",
        7 => " (SIGBUS)",
        8 => " (SIGFPE)",
        9 => " (SIGKILL)",
        11 => " (SIGSEGV)",
        13 => " (SIGPIPE)",
        15 => " (SIGTERM)",
        24 => " (SIGXCPU)",
        25 => " (SIGXFSZ)",
        _ => "",
    };
}

using System.Globalization;

namespace CodeCube.Sandbox.Protocol;

internal enum MarkerKind
{
    Run,
    CompileFailed,
    CompileTimeout,
    Error,
    /// <summary>After the run: the program exited with <see cref="MarkerStatus.Code"/>.</summary>
    Exited,
    /// <summary>After the run: the program died of signal <see cref="MarkerStatus.Code"/>.</summary>
    Signalled,
    Unknown,
}

/// <summary>
/// The status word of a runner marker line: <c>run</c>, <c>compile-failed N</c>, <c>compile-timeout</c>,
/// <c>error W</c>, and after the run <c>exit N</c> or <c>signal N</c>.
/// </summary>
internal sealed record MarkerStatus(MarkerKind Kind, int? CompileExitCode = null, string? Word = null, int? Code = null)
{
    public bool IsEnd => Kind is MarkerKind.Exited or MarkerKind.Signalled;

    public static MarkerStatus Parse(string text)
    {
        var parts = text.Split(' ', 2);
        return parts[0] switch
        {
            "run" when parts.Length == 1 => new MarkerStatus(MarkerKind.Run),
            "compile-timeout" => new MarkerStatus(MarkerKind.CompileTimeout),
            "compile-failed" when parts.Length == 2 &&
                int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var code) =>
                new MarkerStatus(MarkerKind.CompileFailed, code),
            "error" => new MarkerStatus(MarkerKind.Error, Word: parts.Length == 2 ? parts[1] : ""),
            "exit" when parts.Length == 2 &&
                int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var exit) =>
                new MarkerStatus(MarkerKind.Exited, Code: exit),
            "signal" when parts.Length == 2 &&
                int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var signal) =>
                new MarkerStatus(MarkerKind.Signalled, Code: signal),
            _ => new MarkerStatus(MarkerKind.Unknown, Word: text),
        };
    }
}

using System.Globalization;

namespace CodeCube.Sandbox.Protocol;

internal enum MarkerKind
{
    Run,
    CompileFailed,
    CompileTimeout,
    Error,
    Unknown,
}

/// <summary>The status word of a runner marker line: <c>run</c>, <c>compile-failed N</c>, <c>compile-timeout</c>, <c>error W</c>.</summary>
internal sealed record MarkerStatus(MarkerKind Kind, int? CompileExitCode = null, string? Word = null)
{
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
            _ => new MarkerStatus(MarkerKind.Unknown, Word: text),
        };
    }
}

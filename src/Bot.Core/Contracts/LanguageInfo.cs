namespace CodeCube.Core.Contracts;

/// <summary>
/// A runnable language as the images were built. <paramref name="LimitsKey"/> names the limits its runs get, so a
/// cached result is never served once the limits change (a bigger output cap may change what a run produces).
/// <paramref name="Kind"/> groups languages in listings ("scripting", "systems", ...); <paramref name="Notes"/> says
/// how stdin and arguments reach a language when that is not obvious; <paramref name="Libraries"/> what it ships
/// with beyond its standard library (python: numpy, sympy).
/// </summary>
public sealed record LanguageInfo(
    string Id,
    IReadOnlyList<string> Aliases,
    string Version,
    IReadOnlyList<string> Extensions,
    bool Compiled,
    string ImageDigest,
    string LimitsKey = "",
    string Kind = "",
    string? Notes = null,
    IReadOnlyList<string>? Libraries = null);

namespace CodeCube.Core.Contracts;

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

namespace CodeCube.Core.Contracts;

/// <summary>
/// An immutable stored run: code, input and everything it produced, with the ids of who asked and where (never
/// public: the web API shows it through its own response record).
/// </summary>
public sealed record Snippet(
    string Id,
    string Language,
    string Version,
    string Code,
    string Stdin,
    IReadOnlyList<string> Args,
    string Stdout,
    string Stderr,
    RunOutcome Outcome,
    int? ExitCode,
    long WallMs,
    bool Truncated,
    SnippetAuthor Author,
    SnippetOrigin Origin,
    DateTimeOffset CreatedAt,
    string? ParentId,
    string? Detail = null);

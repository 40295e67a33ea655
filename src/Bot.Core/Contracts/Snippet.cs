namespace CodeCube.Core.Contracts;

/// <summary>
/// An immutable stored run: code, input and everything it produced. Not sealed so the web API can show it as it is,
/// plus its permalink, without a second copy of every field.
/// </summary>
public record Snippet(
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

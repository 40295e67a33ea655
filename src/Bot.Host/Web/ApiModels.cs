using CodeCube.Core.Contracts;
using CodeCube.Core.Replies;
using CodeCube.Core.Running;

namespace CodeCube.Host.Web;

/// <summary>What a run returns: the CLI's --json fields plus the stored snippet's id and permalink.</summary>
public sealed record RunResponse(
    string Language,
    string Version,
    RunOutcome Outcome,
    int? ExitCode,
    string Stdout,
    string Stderr,
    long WallMs,
    bool Truncated,
    string? Id,
    string? Permalink,
    bool Cached,
    string? Detail,
    string Summary)
{
    /// <summary>
    /// Id and permalink are null when the snippet could not be stored; the run's result is still here. Summary is
    /// the outcome as chat replies word it, with the limit a kill hit ("killed after 10 s: still running").
    /// </summary>
    public static RunResponse From(RunRecord record) => new(
        record.Result.Language, record.Result.Version, record.Result.Outcome, record.Result.ExitCode,
        record.Result.Stdout, record.Result.Stderr, record.Result.WallMs, record.Result.Truncated,
        record.Saved ? record.Snippet.Id : null, record.Saved ? record.Permalink : null, record.FromCache,
        record.Result.Detail, ReplyFormatter.DescribeOutcome(record.Result));
}

/// <summary>Who ran a snippet, as the public sees it: a display name and the platform, never an id.</summary>
public sealed record PublicAuthor(string Platform, string Name);

/// <summary>
/// A stored snippet as the API shows it: every field is listed here, so a field added to <see cref="Snippet"/> is not
/// published until it is added here too. Left out are the internal ids (IRC hostmasks, user, channel, message and DM
/// ids, the web author's hash: a permalink is public); the author is a display name and platform, the origin its
/// platform only. The order of the parameters is the order of the JSON's fields; ApiTests pins both.
/// </summary>
public sealed record SnippetResponse(
    PublicAuthor Author,
    string Platform,
    string Permalink,
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
    DateTimeOffset CreatedAt,
    string? ParentId,
    string? Detail)
{
    public static SnippetResponse From(Snippet s, IPermalinks permalinks)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(permalinks);
        return new SnippetResponse(
            new PublicAuthor(s.Author.Platform, s.Author.DisplayName), s.Origin.Platform, permalinks.For(s.Id),
            s.Id, s.Language, s.Version, s.Code, s.Stdin, s.Args, s.Stdout, s.Stderr, s.Outcome, s.ExitCode, s.WallMs,
            s.Truncated, s.CreatedAt, s.ParentId, s.Detail);
    }
}

/// <summary>A runnable language as the API lists it.</summary>
public sealed record LanguageResponse(
    string Id,
    IReadOnlyList<string> Aliases,
    string Version,
    IReadOnlyList<string> Extensions,
    bool Compiled,
    string Kind,
    IReadOnlyList<string> Libraries,
    string? Notes)
{
    public static LanguageResponse From(LanguageInfo l) =>
        new(l.Id, l.Aliases, l.Version, l.Extensions, l.Compiled, l.Kind, l.Libraries ?? [], l.Notes);
}

/// <summary>One piece of live output in the SSE stream.</summary>
public sealed record OutputEvent(string Stream, string Text);

using System.Text.Json.Serialization;
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
/// A stored snippet as the API shows it: the <see cref="Snippet"/> itself (so a field is written once), with its
/// internal ids hidden (IRC hostmasks, user, channel and DM ids, the web author's hash: a permalink is public), the
/// author as a display name and platform, the origin as its platform only, and the permalink. A field added to
/// <see cref="Snippet"/> is published too unless it is hidden here; ApiTests pins the published names.
/// </summary>
public sealed record SnippetResponse : Snippet
{
    private SnippetResponse(Snippet snippet, string permalink)
        : base(snippet)
    {
        Author = new PublicAuthor(snippet.Author.Platform, snippet.Author.DisplayName);
        Platform = snippet.Origin.Platform;
        Permalink = permalink;
    }

    public new PublicAuthor Author { get; }

    /// <summary>
    /// Hides the origin's channel and message ids. A plain [JsonIgnore] here would let System.Text.Json fall back to the
    /// base property; a hiding property that is always null and skipped when null shadows it for good.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public new SnippetOrigin? Origin => null;

    /// <summary>Where the run was asked for: the origin's platform, without its channel or message id.</summary>
    public string Platform { get; }

    public string Permalink { get; }

    public static SnippetResponse From(Snippet s, IPermalinks permalinks)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(permalinks);
        return new SnippetResponse(s, permalinks.For(s.Id));
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

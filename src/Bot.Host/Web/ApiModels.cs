using CodeCube.Core.Contracts;
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
    string Id,
    string Permalink,
    bool Cached,
    string? Detail)
{
    public static RunResponse From(RunRecord record) => new(
        record.Result.Language, record.Result.Version, record.Result.Outcome, record.Result.ExitCode,
        record.Result.Stdout, record.Result.Stderr, record.Result.WallMs, record.Result.Truncated,
        record.Snippet.Id, record.Permalink, record.FromCache, record.Result.Detail);
}

/// <summary>A stored snippet as the API shows it: every stored field, and the permalink.</summary>
public sealed record SnippetResponse : Snippet
{
    private SnippetResponse(Snippet snippet, string permalink)
        : base(snippet) => Permalink = permalink;

    public string Permalink { get; }

    public static SnippetResponse From(Snippet s, IPermalinks permalinks) => new(s, permalinks.For(s.Id));
}

/// <summary>A runnable language as the API lists it.</summary>
public sealed record LanguageResponse(string Id, IReadOnlyList<string> Aliases, string Version, IReadOnlyList<string> Extensions, bool Compiled)
{
    public static LanguageResponse From(LanguageInfo l) => new(l.Id, l.Aliases, l.Version, l.Extensions, l.Compiled);
}

/// <summary>One piece of live output in the SSE stream.</summary>
public sealed record OutputEvent(string Stream, string Text);

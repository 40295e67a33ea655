using System.Security.Cryptography;

namespace CodeCube.Core.Contracts;

/// <summary>Who asked for a run.</summary>
public sealed record SnippetAuthor(string Platform, string UserId, string DisplayName);

/// <summary>Where a run was asked for. <paramref name="MessageId"/> is empty for web and CLI runs.</summary>
public sealed record SnippetOrigin(string Platform, string ChannelId, string MessageId);

/// <summary>An immutable stored run: code, input and everything it produced.</summary>
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

/// <summary>Random, unguessable snippet ids: 12 base62 characters (~71 bits).</summary>
public static class SnippetId
{
    public const int Length = 12;
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    public static bool IsValid(string? id) =>
        id is { Length: >= 10 and <= 32 } && id.All(c => c < 128 && char.IsAsciiLetterOrDigit(c));
}

/// <summary>Stores snippets. Snippets are never changed: an edit is a new snippet whose parent is the old one.</summary>
public interface ISnippetStore
{
    Task SaveAsync(Snippet snippet, CancellationToken ct);

    Task<Snippet?> GetAsync(string id, CancellationToken ct);
}

/// <summary>Caches results of identical runs. Only deterministic outcomes are cached.</summary>
public interface IResultCache
{
    Task<RunResult?> GetAsync(string key, CancellationToken ct);

    Task SetAsync(string key, RunResult result, CancellationToken ct);
}

/// <summary>Links a chat message to our reply and its snippet, so edits rerun and deletes clean up.</summary>
public sealed record ReplyLink(string ReplyMessageId, string SnippetId);

public interface IReplyMap
{
    Task SetAsync(string platform, string channelId, string messageId, ReplyLink link, CancellationToken ct);

    Task<ReplyLink?> GetAsync(string platform, string channelId, string messageId, CancellationToken ct);

    Task RemoveAsync(string platform, string channelId, string messageId, CancellationToken ct);
}

/// <summary>
/// What a run through the shared service produced: the snippet and its permalink, which is "" when the snippet could
/// not be stored (storage away): the run is still answered.
/// </summary>
public sealed record RunRecord(Snippet Snippet, RunResult Result, bool FromCache, string Permalink)
{
    public bool Saved => Permalink.Length > 0;
}

/// <summary>
/// The one place a run happens for every front end (chat, web, API): result cache, sandbox, store.
/// Every run is recorded, even when it fails. A run needs a <see cref="Quotas.RunTicket"/> from the one
/// <see cref="Quotas.RunGate"/>: the service waits for its slot before a container is started (a cached answer
/// needs none); the caller disposes the ticket when it is done.
/// </summary>
public interface IRunService
{
    Task<RunRecord> RunAsync(
        Quotas.RunTicket ticket,
        RunRequest request,
        SnippetAuthor author,
        SnippetOrigin origin,
        string? parentId,
        IProgress<OutputChunk>? progress,
        CancellationToken ct);
}

/// <summary>Builds public links to snippets.</summary>
public interface IPermalinks
{
    string For(string snippetId);

    /// <summary>Reads a snippet id out of a permalink URL or a bare id; null when it is neither.</summary>
    string? TryParse(string text);
}

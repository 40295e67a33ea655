using CodeCube.Core.Contracts;

namespace CodeCube.Core.Moderation;

/// <summary>A chat user as moderation names them: <c>platform:user</c> (e.g. <c>discord:80351110224678912</c>).</summary>
public sealed record PlatformUser(string Platform, string UserId)
{
    public override string ToString() => $"{Platform}:{UserId}";

    /// <summary>Reads <c>platform:user</c>; the user id may itself contain ':' (IRC hostmasks do not, Slack ids do not).</summary>
    public static bool TryParse(string? text, out PlatformUser user)
    {
        user = null!;
        var colon = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (text is null || colon <= 0 || colon == text.Length - 1 || text.Length > 200
            || text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return false;
        }

        var platform = text[..colon].ToLowerInvariant();
        if (!platform.All(char.IsAsciiLetterOrDigit))
        {
            return false;
        }

        user = new PlatformUser(platform, text[(colon + 1)..]);
        return true;
    }
}

/// <summary>One recent run as the admin list shows it.</summary>
public sealed record RecentRun(
    string Id, string Language, RunOutcome Outcome, long WallMs, SnippetAuthor Author, SnippetOrigin Origin,
    DateTimeOffset CreatedAt);

/// <summary>
/// What moderators can do: take a snippet down (its permalink then answers 410 Gone), ban a chat user from running
/// code, and list recent runs. Removing keeps only a tombstone, so the content is really gone.
/// </summary>
public interface IModerationStore
{
    /// <summary>Deletes the snippet and leaves a tombstone; false when there was no such snippet.</summary>
    Task<bool> RemoveSnippetAsync(string id, CancellationToken ct);

    Task<bool> IsRemovedAsync(string id, CancellationToken ct);

    /// <summary>False when the user was banned already.</summary>
    Task<bool> BanAsync(PlatformUser user, CancellationToken ct);

    /// <summary>False when the user was not banned.</summary>
    Task<bool> UnbanAsync(PlatformUser user, CancellationToken ct);

    Task<bool> IsBannedAsync(PlatformUser user, CancellationToken ct);

    Task<IReadOnlyList<PlatformUser>> BansAsync(CancellationToken ct);

    /// <summary>
    /// True at most once per <paramref name="every"/> for a user: whether a banned user gets told, so a ban never
    /// turns the bot into a spam source.
    /// </summary>
    Task<bool> TryClaimNoticeAsync(PlatformUser user, TimeSpan every, CancellationToken ct);

    /// <summary>The newest runs first, at most <paramref name="limit"/>; removed snippets are left out.</summary>
    Task<IReadOnlyList<RecentRun>> RecentRunsAsync(int limit, CancellationToken ct);
}

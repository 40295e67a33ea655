namespace CodeCube.Host.Storage;

/// <summary>Every key this host writes, in one place, all under the <c>codecube:</c> prefix.</summary>
internal static class RedisKeys
{
    public static string Snippet(string id) => $"codecube:snippet:{id}";

    /// <summary>Tombstone of a snippet a moderator removed: the permalink answers 410 Gone.</summary>
    public static string Removed(string id) => $"codecube:removed:{id}";

    /// <summary>Set of banned <c>platform:user</c> names.</summary>
    public const string Bans = "codecube:bans";

    public static string BanNotice(string user) => $"codecube:ban-notice:{user}";

    /// <summary>Newest-first list of snippet ids, capped at <see cref="RecentRunsKept"/>.</summary>
    public const string RecentRuns = "codecube:runs:recent";

    public const int RecentRunsKept = 1000;

    public static string Blob(string sha256) => $"codecube:blob:{sha256}";

    /// <summary>Ids of the snippets that use a blob, so removing one snippet deletes the blobs no other one needs.</summary>
    public static string BlobRefs(string sha256) => $"codecube:blobrefs:{sha256}";

    public static string Cache(string key) => $"codecube:cache:{key}";

    // Channel and message ids come from chat platforms; ':' inside them cannot collide because the message id is
    // last and platform ids (Slack "C123", Discord snowflakes, IRC "#chan") do not nest another platform's key.
    public static string Reply(string platform, string channelId, string messageId) =>
        $"codecube:reply:{platform}:{channelId}:{messageId}";
}

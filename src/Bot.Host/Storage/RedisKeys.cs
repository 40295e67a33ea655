namespace CodeCube.Host.Storage;

/// <summary>Every key this host writes, in one place, all under the <c>codecube:</c> prefix.</summary>
internal static class RedisKeys
{
    public static string Snippet(string id) => $"codecube:snippet:{id}";

    public static string Blob(string sha256) => $"codecube:blob:{sha256}";

    public static string Cache(string key) => $"codecube:cache:{key}";

    // Channel and message ids come from chat platforms; ':' inside them cannot collide because the message id is
    // last and platform ids (Slack "C123", Discord snowflakes, IRC "#chan") do not nest another platform's key.
    public static string Reply(string platform, string channelId, string messageId) =>
        $"codecube:reply:{platform}:{channelId}:{messageId}";
}

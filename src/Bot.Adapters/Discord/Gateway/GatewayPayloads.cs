using System.Text.Json;
using System.Text.Json.Nodes;

namespace CodeCube.Adapters.Discord.Gateway;

/// <summary>A dispatch (op 0) handed to the adapter; <see cref="Data"/> is detached from the parsed document.</summary>
internal sealed record GatewayDispatch(string Type, JsonElement Data);

internal static class GatewayOp
{
    public const int Dispatch = 0;
    public const int Heartbeat = 1;
    public const int Identify = 2;
    public const int Resume = 6;
    public const int Reconnect = 7;
    public const int InvalidSession = 9;
    public const int Hello = 10;
    public const int HeartbeatAck = 11;
}

internal static class GatewayPayloads
{
    /// <summary>GUILDS | GUILD_MESSAGES | DIRECT_MESSAGES | MESSAGE_CONTENT = 37377.</summary>
    public const int Intents = (1 << 0) | (1 << 9) | (1 << 12) | MessageContentIntent;

    /// <summary>Privileged: without it, guild messages arrive without content unless they mention the bot.</summary>
    public const int MessageContentIntent = 1 << 15;

    /// <summary>Discord closes the connection on larger payloads.</summary>
    public const int MaxPayloadBytes = 4096;

    public static JsonObject Heartbeat(long? sequence) => new() { ["op"] = GatewayOp.Heartbeat, ["d"] = sequence };

    public static JsonObject Identify(string token, int intents = Intents) => new()
    {
        ["op"] = GatewayOp.Identify,
        ["d"] = new JsonObject
        {
            ["token"] = token,
            ["intents"] = intents,
            ["properties"] = new JsonObject
            {
                ["os"] = Environment.OSVersion.Platform == PlatformID.Unix ? "linux" : "windows",
                ["browser"] = "codecube",
                ["device"] = "codecube",
            },
        },
    };

    public static JsonObject Resume(string token, string sessionId, long? sequence) => new()
    {
        ["op"] = GatewayOp.Resume,
        ["d"] = new JsonObject { ["token"] = token, ["session_id"] = sessionId, ["seq"] = sequence },
    };

    public static byte[] Serialize(JsonObject payload)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(payload);
        if (bytes.Length > MaxPayloadBytes)
        {
            throw new InvalidOperationException($"Gateway payload of {bytes.Length} bytes exceeds {MaxPayloadBytes}.");
        }

        return bytes;
    }

    /// <summary>Appends the version and encoding Discord requires on every gateway URL.</summary>
    public static Uri WithQuery(string url)
    {
        var builder = new UriBuilder(url) { Query = "v=10&encoding=json" };
        if (string.IsNullOrEmpty(builder.Path))
        {
            builder.Path = "/";
        }

        return builder.Uri;
    }
}

/// <summary>What survives a reconnect: enough to RESUME.</summary>
internal sealed class GatewaySession
{
    private long _sequence = -1;

    public string? SessionId { get; private set; }

    public string? ResumeUrl { get; private set; }

    public string? UserId { get; private set; }

    /// <summary>Sent in IDENTIFY; loses MESSAGE_CONTENT when Discord refuses it (4014).</summary>
    public int Intents { get; set; } = GatewayPayloads.Intents;

    public long? Sequence
    {
        get { var s = Interlocked.Read(ref _sequence); return s < 0 ? null : s; }
    }

    public bool CanResume => SessionId is not null && ResumeUrl is not null;

    /// <summary>When the last IDENTIFY went out (a <see cref="TimeProvider"/> timestamp); IDENTIFYs are spaced by it.</summary>
    public long? IdentifiedAt { get; set; }

    public void Observe(long s) => Interlocked.Exchange(ref _sequence, s);

    public void Ready(string sessionId, string resumeUrl, string userId)
    {
        SessionId = sessionId;
        ResumeUrl = resumeUrl;
        UserId = userId;
    }

    /// <summary>The session is gone; the next connection identifies fresh.</summary>
    public void Invalidate()
    {
        SessionId = null;
        ResumeUrl = null;
        Interlocked.Exchange(ref _sequence, -1);
    }
}

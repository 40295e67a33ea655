using System.Text.Json;

namespace CodeCube.Adapters.Discord.Gateway;

/// <summary>
/// GET /gateway/bot's <c>session_start_limit</c>: Discord allows <see cref="Total"/> IDENTIFYs per window (1000 a
/// day) and resets the token of a bot that goes over. <see cref="Remaining"/> of them are left, and the window
/// starts again <see cref="ResetAfter"/> after the answer. <see cref="MaxConcurrency"/> IDENTIFYs may start per
/// 5 s, one per rate-limit bucket (shard id modulo max_concurrency); we run one shard, so there is one bucket and
/// one IDENTIFY per 5 s whatever max_concurrency says.
/// </summary>
internal sealed record SessionStartLimit(int Total, int Remaining, TimeSpan ResetAfter, int MaxConcurrency)
{
    /// <summary>Null when the answer has no (well-formed) limit: nothing to honour then.</summary>
    public static SessionStartLimit? From(JsonElement gatewayBot)
    {
        if (!gatewayBot.TryGetProperty("session_start_limit", out var limit) || limit.ValueKind != JsonValueKind.Object
            || !TryInt(limit, "total", out var total) || !TryInt(limit, "remaining", out var remaining)
            || !TryInt(limit, "reset_after", out var resetAfterMs))
        {
            return null;
        }

        var concurrency = TryInt(limit, "max_concurrency", out var c) && c > 0 ? c : 1;
        return new SessionStartLimit(total, remaining, TimeSpan.FromMilliseconds(Math.Max(0, resetAfterMs)), concurrency);
    }

    /// <summary>One IDENTIFY per rate-limit bucket per this long; with one shard there is one bucket.</summary>
    public static readonly TimeSpan IdentifyInterval = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long to wait before the next IDENTIFY: until the window resets when no session start is left, and at
    /// least until <see cref="IdentifyInterval"/> has passed since the last one.
    /// </summary>
    public static TimeSpan WaitBeforeIdentify(SessionStartLimit? limit, TimeSpan? sinceLastIdentify)
    {
        var window = limit is { Remaining: <= 0 } spent ? spent.ResetAfter : TimeSpan.Zero;
        var spacing = sinceLastIdentify is { } since && since < IdentifyInterval ? IdentifyInterval - since : TimeSpan.Zero;
        return window > spacing ? window : spacing;
    }

    private static bool TryInt(JsonElement obj, string name, out int value)
    {
        value = 0;
        return obj.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Number && p.TryGetInt32(out value);
    }
}

/// <summary>Where to connect for a fresh session, and how many session starts Discord still allows.</summary>
internal sealed record GatewayBot(string Url, SessionStartLimit? Limit);

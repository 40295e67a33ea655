using System.Globalization;
using System.Text.Json;
using CodeCube.Core.Chat;

namespace CodeCube.Adapters.Slack;

/// <summary>Who we are on Slack (from auth.test), so our own and other bots' messages are ignored.</summary>
internal sealed record SlackIdentity(string UserId, string? BotId);

/// <summary>
/// Turns an Events API <c>event_callback</c> payload (the same in Socket Mode and over HTTP) into a chat event,
/// or null for everything we do not act on: other event types, bots (us included), joins and other subtypes.
/// </summary>
internal static class SlackEventTranslator
{
    public const string Platform = "slack";

    public static ChatEvent? Translate(JsonElement payload, SlackIdentity self)
    {
        if (Str(payload, "type") != "event_callback" || !payload.TryGetProperty("event", out var ev)
            || ev.ValueKind != JsonValueKind.Object || Str(ev, "type") != "message")
        {
            return null;
        }

        var channel = Str(ev, "channel");
        if (channel is null)
        {
            return null;
        }

        var isDirect = Str(ev, "channel_type") == "im" || channel.StartsWith('D');
        return Str(ev, "subtype") switch
        {
            null or "thread_broadcast" or "file_share" => ToMessage(ev, channel, isDirect, self) is { } m
                ? new MessageCreated(m) : null,
            "message_changed" => Edited(ev, channel, isDirect, self),
            "message_deleted" => Deleted(ev, channel, isDirect, self),
            _ => null,
        };
    }

    private static MessageEdited? Edited(JsonElement ev, string channel, bool isDirect, SlackIdentity self)
    {
        if (!ev.TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        // Link unfurls and thread replies also arrive as message_changed with the text untouched.
        if (ev.TryGetProperty("previous_message", out var previous) && previous.ValueKind == JsonValueKind.Object
            && Str(previous, "text") == Str(message, "text"))
        {
            return null;
        }

        return ToMessage(message, channel, isDirect, self) is { } m ? new MessageEdited(m) : null;
    }

    private static MessageDeleted? Deleted(JsonElement ev, string channel, bool isDirect, SlackIdentity self)
    {
        var deletedTs = Str(ev, "deleted_ts");
        if (deletedTs is null)
        {
            return null;
        }

        if (ev.TryGetProperty("previous_message", out var previous) && previous.ValueKind == JsonValueKind.Object
            && IsFromBot(previous, self))
        {
            return null;
        }

        var threadTs = ev.TryGetProperty("previous_message", out var p) && p.ValueKind == JsonValueKind.Object
            ? Str(p, "thread_ts") : null;
        return new MessageDeleted(new Conversation(Platform, channel, threadTs ?? deletedTs, isDirect), deletedTs);
    }

    private static IncomingMessage? ToMessage(JsonElement message, string channel, bool isDirect, SlackIdentity self)
    {
        var ts = Str(message, "ts");
        var user = Str(message, "user");
        if (ts is null || user is null || IsFromBot(message, self))
        {
            return null;
        }

        // Replies go in the thread: the message's own thread, or a new one under it.
        var where = new Conversation(Platform, channel, Str(message, "thread_ts") ?? ts, isDirect);
        var text = SlackText.Decode(Str(message, "text") ?? "");
        return new IncomingMessage(where, ts, new ChatUser(user, user), text, null, ParseTs(ts), SlackFiles.Read(message));
    }

    private static bool IsFromBot(JsonElement message, SlackIdentity self) =>
        message.TryGetProperty("bot_id", out var bot) && bot.ValueKind == JsonValueKind.String
        || Str(message, "subtype") == "bot_message"
        || Str(message, "user") == self.UserId;

    private static DateTimeOffset ParseTs(string ts) =>
        decimal.TryParse(ts, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000))
            : DateTimeOffset.UnixEpoch;

    private static string? Str(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString() : null;
}

using System.Globalization;
using System.Text.Json;
using CodeCube.Adapters.Discord.Gateway;
using CodeCube.Core.Chat;

namespace CodeCube.Adapters.Discord;

/// <summary>
/// Gateway dispatches to chat events. Bots (ourselves included) are ignored, and a message replayed on resume is
/// reported once, so it is never answered twice.
/// </summary>
internal sealed class DiscordEventTranslator(Func<string?> selfUserId)
{
    private readonly RecentIds _seen = new(4096);

    public ChatEvent? Translate(GatewayDispatch dispatch) => dispatch.Type switch
    {
        "MESSAGE_CREATE" => Created(dispatch.Data),
        "MESSAGE_UPDATE" => Edited(dispatch.Data),
        "MESSAGE_DELETE" => Deleted(dispatch.Data),
        "INTERACTION_CREATE" => Interaction(dispatch.Data),
        _ => null,
    };

    // A resumed session may replay an interaction; it is answered once.
    private ChatEvent? Interaction(JsonElement data) =>
        String(data, "id") is { } id && _seen.Add("i:" + id) ? Interactions.DiscordInteractionTranslator.Translate(data) : null;

    private MessageCreated? Created(JsonElement data)
    {
        var message = Read(data);
        return message is not null && _seen.Add("c:" + message.MessageId) ? new MessageCreated(message) : null;
    }

    private MessageEdited? Edited(JsonElement data)
    {
        // Updates without content are embeds unfurling and the like, not edits by a person.
        if (!data.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var message = Read(data);
        var edited = String(data, "edited_timestamp") ?? "";
        return message is not null && _seen.Add("e:" + message.MessageId + "@" + edited) ? new MessageEdited(message) : null;
    }

    private static MessageDeleted? Deleted(JsonElement data)
    {
        var id = String(data, "id");
        var channel = String(data, "channel_id");
        return id is null || channel is null ? null : new MessageDeleted(Where(data, channel), id);
    }

    private IncomingMessage? Read(JsonElement data)
    {
        var id = String(data, "id");
        var channel = String(data, "channel_id");
        if (id is null || channel is null
            || !data.TryGetProperty("author", out var author) || author.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var authorId = String(author, "id") ?? "";
        var isBot = author.TryGetProperty("bot", out var bot) && bot.ValueKind == JsonValueKind.True;
        if (isBot || authorId == selfUserId())
        {
            return null;
        }

        // 0 = DEFAULT, 19 = REPLY; the rest are system messages (joins, pins, boosts).
        if (data.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.Number && type.GetInt32() is not (0 or 19))
        {
            return null;
        }

        var nick = data.TryGetProperty("member", out var member) && member.ValueKind == JsonValueKind.Object
            ? String(member, "nick")
            : null;
        var name = nick ?? String(author, "global_name") ?? String(author, "username") ?? authorId;
        string? replied = null;
        if (data.TryGetProperty("referenced_message", out var referenced) && referenced.ValueKind == JsonValueKind.Object)
        {
            replied = String(referenced, "content");
        }

        var stamp = String(data, "edited_timestamp") ?? String(data, "timestamp");
        var sentAt = stamp is null
            ? DateTimeOffset.UnixEpoch
            : DateTimeOffset.Parse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        return new IncomingMessage(Where(data, channel), id, new ChatUser(authorId, name), String(data, "content") ?? "",
            replied, sentAt, DiscordAttachments.Read(data));
    }

    private static Conversation Where(JsonElement data, string channel) =>
        new(DiscordAdapter.PlatformName, channel, IsDirect: String(data, "guild_id") is null);

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>A bounded set of recently seen keys; the oldest fall out first.</summary>
internal sealed class RecentIds(int capacity)
{
    private readonly Queue<string> _order = new();
    private readonly HashSet<string> _set = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>True when <paramref name="key"/> was not seen recently (and records it).</summary>
    public bool Add(string key)
    {
        lock (_gate)
        {
            if (!_set.Add(key))
            {
                return false;
            }

            _order.Enqueue(key);
            if (_order.Count > capacity)
            {
                _set.Remove(_order.Dequeue());
            }

            return true;
        }
    }
}

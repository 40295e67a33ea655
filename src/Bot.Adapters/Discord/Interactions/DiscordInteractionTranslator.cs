using System.Globalization;
using System.Text.Json;
using CodeCube.Core.Chat;
using CodeCube.Core.Interactions;

namespace CodeCube.Adapters.Discord.Interactions;

/// <summary>
/// INTERACTION_CREATE to chat events: /run (options), "Run code" (the target from resolved.messages, which carries
/// the content even without the Message Content intent), our buttons, the code form and language autocomplete.
/// Anything else, or anything malformed, is dropped: interactions come from anyone who can see the app.
/// </summary>
internal static class DiscordInteractionTranslator
{
    private const ulong Administrator = 1UL << 3;
    private const ulong ManageMessages = 1UL << 13;

    public static ChatEvent? Translate(JsonElement d)
    {
        if (d.ValueKind != JsonValueKind.Object || !d.TryGetProperty("type", out var t) || t.ValueKind != JsonValueKind.Number
            || Str(d, "id") is not { } id || Str(d, "token") is not { } token || Str(d, "application_id") is not { } app
            || ChannelId(d) is not { } channel)
        {
            return null;
        }

        var (user, canManage) = Person(d);
        if (user is null)
        {
            return null;
        }

        var kind = (DiscordInteractionKind)t.GetInt32();
        var where = new Conversation(DiscordAdapter.PlatformName, channel, IsDirect: Str(d, "guild_id") is null);
        var interaction = new DiscordInteraction(where, user, canManage, id, token, app, kind);
        d.TryGetProperty("data", out var data);
        if (data.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        return kind switch
        {
            DiscordInteractionKind.Command => Command(interaction, data),
            DiscordInteractionKind.Component => Component(interaction, d, data),
            DiscordInteractionKind.Autocomplete => Str(data, "name") == DiscordCommands.RunName
                ? new LanguageLookup(interaction, Focused(data) ?? "") : null,
            DiscordInteractionKind.ModalSubmit => Form(interaction, data),
            _ => null,
        };
    }

    private static RunInvoked? Command(DiscordInteraction interaction, JsonElement data)
    {
        switch (Str(data, "name"))
        {
            case DiscordCommands.RunName:
                var language = Option(data, DiscordCommands.LanguageOption);
                return language is null ? null : new RunInvoked(interaction, new RunAsk.Fields(
                    language, Option(data, DiscordCommands.CodeOption), Option(data, DiscordCommands.StdinOption) ?? ""));
            case DiscordCommands.RunCodeName:
                var targetId = Str(data, "target_id");
                if (targetId is null || !data.TryGetProperty("resolved", out var resolved)
                    || !resolved.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Object
                    || !messages.TryGetProperty(targetId, out var target) || target.ValueKind != JsonValueKind.Object)
                {
                    return null;
                }

                return new RunInvoked(interaction, new RunAsk.Message(Target(interaction.Where, targetId, target)));
            default:
                return null;
        }
    }

    private static ButtonClicked? Component(DiscordInteraction interaction, JsonElement d, JsonElement data)
    {
        if (!DiscordComponents.TryParse(Str(data, "custom_id"), out var action, out var snippetId)
            || !d.TryGetProperty("message", out var message) || Str(message, "id") is not { } messageId)
        {
            return null;
        }

        return new ButtonClicked(interaction, action, snippetId, new SentMessage(interaction.Where, messageId));
    }

    private static RunInvoked? Form(DiscordInteraction interaction, JsonElement data)
    {
        if (!DiscordCodeForm.TryParse(Str(data, "custom_id"), out var language))
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        CollectInputs(data, values);
        return values.TryGetValue(DiscordCodeForm.CodeField, out var code)
            ? new RunInvoked(interaction, new RunAsk.Fields(language, code, values.GetValueOrDefault(DiscordCodeForm.StdinField, "")))
            : null;
    }

    /// <summary>Text inputs sit in action rows (or labels, in newer layouts): every custom_id with a value counts.</summary>
    private static void CollectInputs(JsonElement node, Dictionary<string, string> values)
    {
        if (node.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in node.EnumerateArray())
            {
                CollectInputs(item, values);
            }
        }
        else if (node.ValueKind == JsonValueKind.Object)
        {
            if (Str(node, "custom_id") is { } key && Str(node, "value") is { } value)
            {
                values.TryAdd(key, value);
            }

            if (node.TryGetProperty("components", out var children))
            {
                CollectInputs(children, values);
            }

            if (node.TryGetProperty("component", out var child))
            {
                CollectInputs(child, values);
            }
        }
    }

    private static IncomingMessage Target(Conversation where, string id, JsonElement message)
    {
        var author = message.TryGetProperty("author", out var a) && a.ValueKind == JsonValueKind.Object ? a : default;
        var authorId = author.ValueKind == JsonValueKind.Object ? Str(author, "id") ?? "" : "";
        var name = author.ValueKind == JsonValueKind.Object
            ? Str(author, "global_name") ?? Str(author, "username") ?? authorId : authorId;
        var stamp = Str(message, "timestamp");
        var sentAt = stamp is null
            ? DateTimeOffset.UnixEpoch
            : DateTimeOffset.Parse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        return new IncomingMessage(where, id, new ChatUser(authorId, name), Str(message, "content") ?? "", null, sentAt,
            DiscordAttachments.Read(message));
    }

    /// <summary>In a guild the person is member.user and member.permissions says what they may do; in a DM, user.</summary>
    private static (ChatUser? User, bool CanManageMessages) Person(JsonElement d)
    {
        var canManage = false;
        var user = d.TryGetProperty("user", out var u) && u.ValueKind == JsonValueKind.Object ? u : default;
        string? nick = null;
        if (d.TryGetProperty("member", out var member) && member.ValueKind == JsonValueKind.Object)
        {
            user = member.TryGetProperty("user", out var mu) && mu.ValueKind == JsonValueKind.Object ? mu : user;
            nick = Str(member, "nick");
            if (ulong.TryParse(Str(member, "permissions"), NumberStyles.None, CultureInfo.InvariantCulture, out var permissions))
            {
                canManage = (permissions & (ManageMessages | Administrator)) != 0;
            }
        }

        if (user.ValueKind != JsonValueKind.Object || Str(user, "id") is not { } id)
        {
            return (null, false);
        }

        var name = nick ?? Str(user, "global_name") ?? Str(user, "username") ?? id;
        return (new ChatUser(id, name), canManage);
    }

    private static string? ChannelId(JsonElement d) =>
        Str(d, "channel_id") ?? (d.TryGetProperty("channel", out var c) && c.ValueKind == JsonValueKind.Object ? Str(c, "id") : null);

    private static string? Option(JsonElement data, string name)
    {
        if (!data.TryGetProperty("options", out var options) || options.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        return options.EnumerateArray()
            .Where(o => o.ValueKind == JsonValueKind.Object && Str(o, "name") == name)
            .Select(o => Str(o, "value"))
            .FirstOrDefault();
    }

    private static string? Focused(JsonElement data) =>
        data.TryGetProperty("options", out var options) && options.ValueKind == JsonValueKind.Array
            ? options.EnumerateArray()
                .Where(o => o.ValueKind == JsonValueKind.Object && o.TryGetProperty("focused", out var f) && f.ValueKind == JsonValueKind.True)
                .Select(o => Str(o, "value"))
                .FirstOrDefault()
            : null;

    private static string? Str(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

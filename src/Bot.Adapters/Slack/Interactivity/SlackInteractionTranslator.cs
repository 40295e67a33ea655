using System.Text.Json;
using CodeCube.Core.Chat;
using CodeCube.Core.Interactions;

namespace CodeCube.Adapters.Slack.Interactivity;

/// <summary>
/// Slash command and interactive payloads (the same from Socket Mode envelopes and from HTTP) to chat events:
/// <c>/run text</c>, the <c>run_code</c> message shortcut, and clicks on our Run again and Delete buttons.
/// Everything else (Open clicks, other shortcuts) needs only the acknowledgement already sent.
/// </summary>
internal static class SlackInteractionTranslator
{
    public const string ShortcutCallbackId = "run_code";

    public static ChatEvent? Translate(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (Str(payload, "command") is not null)
        {
            return SlashCommand(payload);
        }

        return Str(payload, "type") switch
        {
            "message_action" when Str(payload, "callback_id") == ShortcutCallbackId => Shortcut(payload),
            "block_actions" => Button(payload),
            _ => null,
        };
    }

    private static RunInvoked? SlashCommand(JsonElement p)
    {
        var channel = Str(p, "channel_id");
        var user = Str(p, "user_id");
        if (channel is null || user is null)
        {
            return null;
        }

        var where = new Conversation(SlackEventTranslator.Platform, channel, IsDirect: channel.StartsWith('D'));
        var interaction = new SlackInteraction(where, new ChatUser(user, Str(p, "user_name") ?? user), Url(p),
            SlackInteractionKind.SlashCommand);
        return new RunInvoked(interaction, new RunAsk.Text(SlackText.Decode(Str(p, "text") ?? "")));
    }

    private static RunInvoked? Shortcut(JsonElement p)
    {
        if (Channel(p) is not { } channel || Person(p) is not { } user
            || !p.TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.Object
            || Str(message, "ts") is not { } ts)
        {
            return null;
        }

        var where = new Conversation(SlackEventTranslator.Platform, channel, Str(message, "thread_ts") ?? ts, channel.StartsWith('D'));
        var author = Str(message, "user") ?? "";
        var target = new IncomingMessage(where, ts, new ChatUser(author, author), SlackText.Decode(Str(message, "text") ?? ""),
            null, DateTimeOffset.UnixEpoch, SlackFiles.Read(message));
        return new RunInvoked(new SlackInteraction(where, user, Url(p), SlackInteractionKind.Shortcut), new RunAsk.Message(target));
    }

    private static ButtonClicked? Button(JsonElement p)
    {
        if (Channel(p) is not { } channel || Person(p) is not { } user
            || !p.TryGetProperty("actions", out var actions) || actions.ValueKind != JsonValueKind.Array
            || actions.GetArrayLength() == 0
            || !p.TryGetProperty("container", out var container) || Str(container, "message_ts") is not { } messageTs)
        {
            return null;
        }

        var first = actions[0];
        var value = Str(first, "value");
        if (!SlackBlocks.TryParse(Str(first, "action_id"), value, out var action))
        {
            return null;
        }

        var thread = p.TryGetProperty("message", out var message) ? Str(message, "thread_ts") : null;
        var where = new Conversation(SlackEventTranslator.Platform, channel, thread, channel.StartsWith('D'));
        return new ButtonClicked(new SlackInteraction(where, user, Url(p), SlackInteractionKind.Button), action, value!,
            new SentMessage(where, messageTs));
    }

    private static string? Channel(JsonElement p) =>
        p.TryGetProperty("channel", out var c) && c.ValueKind == JsonValueKind.Object ? Str(c, "id") : null;

    private static ChatUser? Person(JsonElement p)
    {
        if (!p.TryGetProperty("user", out var u) || u.ValueKind != JsonValueKind.Object || Str(u, "id") is not { } id)
        {
            return null;
        }

        return new ChatUser(id, Str(u, "username") ?? Str(u, "name") ?? id);
    }

    private static Uri? Url(JsonElement p) =>
        Uri.TryCreate(Str(p, "response_url"), UriKind.Absolute, out var url) ? url : null;

    private static string? Str(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}


namespace CodeCube.Testing.Slack;

/// <summary>
/// Socket Mode envelopes for slash commands and interactivity, from the SDK's fixtures, with the fields the
/// interactivity docs give block_actions and message_action payloads (user, channel, container, message, actions).
/// </summary>
public static class SlackInteractionPayloads
{
    public const string ChannelId = "C111";
    public const string User = "U111";

    public static JsonObject SlashCommand(string envelopeId, string text, Uri responseUrl, string user = User)
    {
        var envelope = SlackFixtures.Json("socketmode-sdk-envelope-slash_commands.json");
        envelope["envelope_id"] = envelopeId;
        var payload = envelope["payload"]!.AsObject();
        payload["command"] = "/run";
        payload["text"] = text;
        payload["user_id"] = user;
        payload["channel_id"] = ChannelId;
        payload["response_url"] = responseUrl.AbsoluteUri;
        return envelope;
    }

    public static JsonObject Shortcut(string envelopeId, string messageText, string messageTs, Uri responseUrl)
    {
        var (envelope, payload) = Interactive(envelopeId, "message_action", responseUrl, User);
        payload["callback_id"] = "run_code";
        payload["message_ts"] = messageTs;
        payload["message"] = new JsonObject { ["type"] = "message", ["user"] = "U222", ["ts"] = messageTs, ["text"] = messageText };
        return envelope;
    }

    public static JsonObject ButtonClick(string envelopeId, string actionId, string value, string messageTs, Uri responseUrl,
        string user = User)
    {
        var (envelope, payload) = Interactive(envelopeId, "block_actions", responseUrl, user);
        payload["container"] = new JsonObject
        {
            ["type"] = "message", ["message_ts"] = messageTs, ["channel_id"] = ChannelId, ["is_ephemeral"] = false,
        };
        payload["message"] = new JsonObject { ["type"] = "message", ["ts"] = messageTs, ["text"] = "a run reply" };
        payload["actions"] = new JsonArray(new JsonObject
        {
            ["type"] = "button", ["action_id"] = actionId, ["block_id"] = "codecube_run", ["value"] = value,
            ["action_ts"] = "1610198090.300836",
        });
        return envelope;
    }

    private static (JsonObject Envelope, JsonObject Payload) Interactive(string envelopeId, string type, Uri responseUrl, string user)
    {
        var envelope = SlackFixtures.Json("socketmode-sdk-envelope-interactive-shortcut.json");
        envelope["envelope_id"] = envelopeId;
        var payload = envelope["payload"]!.AsObject();
        payload["type"] = type;
        payload["user"]!["id"] = user;
        payload["channel"] = new JsonObject { ["id"] = ChannelId, ["name"] = "random" };
        payload["response_url"] = responseUrl.AbsoluteUri;
        return (envelope, payload);
    }
}

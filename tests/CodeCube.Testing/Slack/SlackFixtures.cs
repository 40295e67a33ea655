using System.Text.Json;

namespace CodeCube.Testing.Slack;

/// <summary>Official Slack payloads copied from the docs and SDK tests (see Fixtures/).</summary>
public static class SlackFixtures
{
    public static string Text(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Slack", "Fixtures", name));

    public static JsonObject Json(string name) => JsonNode.Parse(Text(name))!.AsObject();

    public static JsonElement Element(string name) => JsonDocument.Parse(Text(name)).RootElement.Clone();

    /// <summary>The SDK's events_api envelope, with its inner message event changed by <paramref name="edit"/>.</summary>
    public static string Envelope(string envelopeId, string eventId, Action<JsonObject> edit)
    {
        var envelope = Json("socketmode-sdk-envelope-events_api-message.json");
        envelope["envelope_id"] = envelopeId;
        var payload = envelope["payload"]!.AsObject();
        payload["event_id"] = eventId;
        edit(payload["event"]!.AsObject());
        return envelope.ToJsonString();
    }

    /// <summary>An envelope carrying an Events API callback fixture (message_changed, message_deleted).</summary>
    public static string EnvelopeFor(string callbackFixture, string envelopeId, string eventId)
    {
        var payload = Json(callbackFixture);
        payload["event_id"] = eventId;
        return new JsonObject
        {
            ["envelope_id"] = envelopeId,
            ["type"] = "events_api",
            ["accepts_response_payload"] = false,
            ["retry_attempt"] = 0,
            ["payload"] = payload,
        }.ToJsonString();
    }
}

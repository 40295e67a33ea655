using System.Collections.Specialized;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Web;

namespace CodeCube.Adapters.Slack;

/// <summary>
/// The Events API mode's slash command and interactivity request URLs (POST /slack/commands, /slack/interactive):
/// the same v0 signature check as /slack/events over the raw form body, then the payload is queued for the adapter
/// and Slack gets its empty 200 at once (it waits 3 seconds).
/// </summary>
public sealed partial class SlackEventsReceiver
{
    /// <summary>A slash command: the form's fields become the payload (as Socket Mode delivers them).</summary>
    public SlackHttpResponse HandleCommand(ReadOnlySpan<byte> body, Func<string, string?> header) =>
        HandleForm(body, header, form =>
        {
            var payload = new JsonObject();
            foreach (var key in form.AllKeys.OfType<string>())
            {
                payload[key] = form[key];
            }

            return payload.ToJsonString();
        });

    /// <summary>An interactive payload: the form's one field <c>payload</c> holds the JSON.</summary>
    public SlackHttpResponse HandleInteractive(ReadOnlySpan<byte> body, Func<string, string?> header) =>
        HandleForm(body, header, form => form["payload"]);

    private SlackHttpResponse HandleForm(ReadOnlySpan<byte> body, Func<string, string?> header,
        Func<NameValueCollection, string?> payloadOf)
    {
        if (Refusal(body, header) is { } refusal)
        {
            return refusal;
        }

        JsonElement payload;
        try
        {
            using var doc = JsonDocument.Parse(payloadOf(HttpUtility.ParseQueryString(Encoding.UTF8.GetString(body))) ?? "");
            payload = doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            return new SlackHttpResponse(400);
        }

        return payload.ValueKind != JsonValueKind.Object ? new SlackHttpResponse(400)
            : _inbox.TryWrite(payload) ? new SlackHttpResponse(200)
            : new SlackHttpResponse(503);
    }
}

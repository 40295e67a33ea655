using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Web;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CodeCube.Adapters.Slack;

/// <summary>
/// The Events API mode's slash command and interactivity request URLs (POST /slack/commands, /slack/interactive)
/// without ASP.NET: the same v0 signature check as /slack/events over the raw form body, then the payload is
/// queued for the adapter and Slack gets its empty 200 at once (it waits 3 seconds).
/// </summary>
public sealed partial class SlackInteractivityReceiver
{
    private readonly SlackInbox _inbox;
    private readonly SlackOptions _options;
    private readonly SlackSignatureVerifier _verifier;
    private readonly ILogger<SlackInteractivityReceiver> _logger;

    internal SlackInteractivityReceiver(SlackInbox inbox, IOptions<SlackOptions> options, TimeProvider time,
        ILogger<SlackInteractivityReceiver> logger)
    {
        _inbox = inbox;
        _options = options.Value;
        _verifier = new SlackSignatureVerifier(_options.SigningSecret, time);
        _logger = logger;
    }

    /// <summary>A slash command: the form's fields become the payload (as Socket Mode delivers them).</summary>
    public SlackHttpResponse HandleCommand(ReadOnlySpan<byte> body, Func<string, string?> header) =>
        Handle(body, header, form =>
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
        Handle(body, header, form => form["payload"]);

    private SlackHttpResponse Handle(ReadOnlySpan<byte> body, Func<string, string?> header,
        Func<System.Collections.Specialized.NameValueCollection, string?> payloadOf)
    {
        ArgumentNullException.ThrowIfNull(header);
        if (_options.Mode != SlackMode.EventsApi)
        {
            return new SlackHttpResponse(404);
        }

        var verdict = _verifier.Verify(body, header("X-Slack-Request-Timestamp"), header("X-Slack-Signature"));
        if (verdict != SlackSignatureResult.Valid)
        {
            LogRejected(verdict);
            return new SlackHttpResponse(401);
        }

        var json = payloadOf(HttpUtility.ParseQueryString(Encoding.UTF8.GetString(body)));
        JsonElement payload;
        try
        {
            using var doc = JsonDocument.Parse(json ?? "");
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack interactivity request rejected: {Verdict}")]
    private partial void LogRejected(SlackSignatureResult verdict);
}

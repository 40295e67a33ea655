using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CodeCube.Adapters.Slack;

/// <summary>What the HTTP endpoint answers Slack.</summary>
public sealed record SlackHttpResponse(int StatusCode, string? ContentType = null, string? Body = null);

/// <summary>
/// The Events API endpoint's logic without ASP.NET: verifies the signature over the raw body, answers
/// url_verification, and queues event callbacks for the adapter, answering at once (Slack waits 3 s, then
/// retries). Retries are accepted and dropped later by event_id, so a slow first attempt is never run twice.
/// </summary>
public sealed partial class SlackEventsReceiver
{
    private readonly SlackInbox _inbox;
    private readonly SlackOptions _options;
    private readonly SlackSignatureVerifier _verifier;
    private readonly ILogger<SlackEventsReceiver> _logger;

    internal SlackEventsReceiver(SlackInbox inbox, IOptions<SlackOptions> options, TimeProvider time,
        ILogger<SlackEventsReceiver> logger)
    {
        _inbox = inbox;
        _options = options.Value;
        _verifier = new SlackSignatureVerifier(_options.SigningSecret, time);
        _logger = logger;
    }

    /// <summary>Handles one POST; <paramref name="header"/> looks up a request header by name.</summary>
    public SlackHttpResponse Handle(ReadOnlySpan<byte> body, Func<string, string?> header)
    {
        if (Refusal(body, header) is { } refusal)
        {
            return refusal;
        }

        JsonElement payload;
        try
        {
            using var doc = JsonDocument.Parse(body.ToArray());
            payload = doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            return new SlackHttpResponse(400);
        }

        var type = payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty("type", out var t)
            && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        switch (type)
        {
            case "url_verification":
                var challenge = payload.TryGetProperty("challenge", out var c) && c.ValueKind == JsonValueKind.String
                    ? c.GetString() : null;
                return challenge is null
                    ? new SlackHttpResponse(400)
                    : new SlackHttpResponse(200, "application/json",
                        new JsonObject { ["challenge"] = challenge }.ToJsonString());
            case "event_callback":
                if (header("X-Slack-Retry-Num") is { } retry)
                {
                    _logger.EventsRetry(retry, header("X-Slack-Retry-Reason") ?? "");
                }

                // Full means the bot is far behind: a 503 makes Slack retry later rather than us losing it.
                return _inbox.TryWrite(payload) ? new SlackHttpResponse(200) : new SlackHttpResponse(503);
            case "app_rate_limited":
                _logger.AppRateLimited();
                return new SlackHttpResponse(200);
            default:
                return new SlackHttpResponse(200);
        }
    }

    /// <summary>404 outside the Events API mode, 401 for a bad or stale signature; null when the request may pass.</summary>
    private SlackHttpResponse? Refusal(ReadOnlySpan<byte> body, Func<string, string?> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        if (_options.Mode != SlackMode.EventsApi)
        {
            return new SlackHttpResponse(404);
        }

        var verdict = _verifier.Verify(body, header("X-Slack-Request-Timestamp"), header("X-Slack-Signature"));
        if (verdict != SlackSignatureResult.Valid)
        {
            _logger.EventsRequestRejected(verdict);
            return new SlackHttpResponse(401);
        }

        return null;
    }
}

using System.Net;
using System.Text.Json;

namespace CodeCube.Adapters.Discord.Rest;

/// <summary>Discord answered with an error status (after any 429 retries).</summary>
internal sealed class DiscordApiException(HttpStatusCode statusCode, int? errorCode, string message)
    : Exception($"Discord API {(int)statusCode}: {message}")
{
    public HttpStatusCode StatusCode { get; } = statusCode;

    /// <summary>Discord's JSON error code (e.g. 50035 invalid form body), when the body had one.</summary>
    public int? ErrorCode { get; } = errorCode;

    public static DiscordApiException From(HttpStatusCode status, string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            var code = root.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetInt32() : (int?)null;
            var message = root.TryGetProperty("message", out var m) ? m.GetString() ?? "" : body;
            return new DiscordApiException(status, code, message);
        }
        catch (JsonException)
        {
            return new DiscordApiException(status, null, body.Length > 200 ? body[..200] : body);
        }
    }
}

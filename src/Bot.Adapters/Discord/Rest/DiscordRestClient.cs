using System.Globalization;
using System.Net;
using System.Text.Json;
using CodeCube.Adapters.Discord.Interactions;
using CodeCube.Core.Chat;
using CodeCube.Core.Interactions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CodeCube.Adapters.Discord.Rest;

/// <summary>
/// The few REST v10 calls the bot makes. A request is repeated only after a 429 (Discord did not process it);
/// a timeout or a 5xx after sending surfaces as an error, so a message is never posted twice.
/// </summary>
internal sealed partial class DiscordRestClient(
    IHttpClientFactory httpFactory,
    DiscordRateLimiter limiter,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    ILogger<DiscordRestClient> logger)
{
    public const string HttpClientName = "discord";
    public const string UserAgent = "DiscordBot (https://github.com/codecube/codecube, 1.0)";
    private const int MaxRateLimitRetries = 5;

    public async Task<Gateway.GatewayBot> GetGatewayBotAsync(CancellationToken ct)
    {
        using var doc = await SendAsync(HttpMethod.Get, "GET /gateway/bot", "", "gateway/bot", () => null, ct).ConfigureAwait(false);
        var root = doc!.RootElement;
        return new Gateway.GatewayBot(root.GetProperty("url").GetString()!, Gateway.SessionStartLimit.From(root));
    }

    public async Task<string> CreateMessageAsync(
        string channelId, string text, string? replyTo, ReplyAttachment? file, IReadOnlyList<ReplyButton>? buttons,
        CancellationToken ct)
    {
        var payload = DiscordMessagePayloads.Create(text, replyTo, file);
        if (buttons is { Count: > 0 })
        {
            payload["components"] = DiscordComponents.For(buttons);
        }

        using var doc = await SendAsync(HttpMethod.Post, "POST /channels/{id}/messages", channelId,
            $"channels/{channelId}/messages", () => DiscordMessagePayloads.Content(payload, file), ct).ConfigureAwait(false);
        return doc!.RootElement.GetProperty("id").GetString()!;
    }

    public async Task EditMessageAsync(
        string channelId, string messageId, string text, ReplyAttachment? file, IReadOnlyList<ReplyButton>? buttons,
        CancellationToken ct)
    {
        var payload = DiscordMessagePayloads.Edit(text, file);
        // Always set: a notice replacing a run reply must not keep the old run's buttons.
        payload["components"] = DiscordComponents.For(buttons);
        using var _ = await SendAsync(HttpMethod.Patch, "PATCH /channels/{id}/messages/{id}", channelId,
            $"channels/{channelId}/messages/{messageId}", () => DiscordMessagePayloads.Content(payload, file), ct).ConfigureAwait(false);
    }

    public async Task DeleteMessageAsync(string channelId, string messageId, CancellationToken ct)
    {
        try
        {
            using var _ = await SendAsync(HttpMethod.Delete, "DELETE /channels/{id}/messages/{id}", channelId,
                $"channels/{channelId}/messages/{messageId}", () => null, ct).ConfigureAwait(false);
        }
        catch (DiscordApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            // Already deleted: the outcome the caller wanted.
        }
    }

    public async Task TriggerTypingAsync(string channelId, CancellationToken ct)
    {
        using var _ = await SendAsync(HttpMethod.Post, "POST /channels/{id}/typing", channelId,
            $"channels/{channelId}/typing", () => null, ct).ConfigureAwait(false);
    }

    private async Task<JsonDocument?> SendAsync(
        HttpMethod method, string route, string majorParameter, string path, Func<HttpContent?> content,
        CancellationToken ct)
    {
        var http = httpFactory.CreateClient(HttpClientName);
        var url = new Uri(options.Value.ApiBaseUrl.TrimEnd('/') + "/" + path);
        for (var attempt = 0; ; attempt++)
        {
            TimeSpan retryAfter;
            bool global;
            using (await limiter.AcquireAsync(route, majorParameter, ct).ConfigureAwait(false))
            {
                using var request = new HttpRequestMessage(method, url) { Content = content() };
                request.Headers.TryAddWithoutValidation("Authorization", "Bot " + options.Value.Token);
                request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
                using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
                limiter.Update(route, majorParameter, response.Headers);
                var body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
                if (response.StatusCode != HttpStatusCode.TooManyRequests)
                {
                    if (!response.IsSuccessStatusCode)
                    {
                        throw DiscordApiException.From(response.StatusCode, body);
                    }

                    return string.IsNullOrWhiteSpace(body) ? null : JsonDocument.Parse(body);
                }

                (retryAfter, global) = ReadRetryAfter(response, body);
                if (global)
                {
                    limiter.BlockAll(retryAfter);
                }
            }

            if (attempt >= MaxRateLimitRetries)
            {
                throw new DiscordApiException(HttpStatusCode.TooManyRequests, null, $"still rate limited after {attempt + 1} attempts");
            }

            // The timer starts before the log line, so whoever sees the line knows the wait is under way.
            var wait = Task.Delay(retryAfter, time, ct);
            logger.RateLimited(route, global, retryAfter);
            await wait.ConfigureAwait(false);
        }
    }

    /// <summary>The JSON body's retry_after (seconds, fractional) is exact; Retry-After is the rounded fallback.</summary>
    private static (TimeSpan RetryAfter, bool Global) ReadRetryAfter(HttpResponseMessage response, string body)
    {
        double? seconds = null;
        var global = response.Headers.TryGetValues("X-RateLimit-Global", out var g) && g.Any(v => v.Equals("true", StringComparison.OrdinalIgnoreCase));
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.TryGetProperty("retry_after", out var r) && r.ValueKind == JsonValueKind.Number)
            {
                seconds = r.GetDouble();
            }

            global |= doc.RootElement.TryGetProperty("global", out var gl) && gl.ValueKind == JsonValueKind.True;
        }
        catch (JsonException)
        {
            // Cloudflare's 429 page is not JSON; the header still applies.
        }

        if (seconds is null && response.Headers.TryGetValues("Retry-After", out var header)
            && double.TryParse(header.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var h))
        {
            seconds = h;
        }

        return (TimeSpan.FromSeconds(Math.Max(0, seconds ?? 1)), global);
    }
}

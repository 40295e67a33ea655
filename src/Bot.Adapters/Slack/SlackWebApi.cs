using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CodeCube.Adapters.Slack;

/// <summary>
/// Slack Web API calls over HttpClient. Every answer's <c>ok</c> is checked. Only a 429 is retried, after its
/// Retry-After: Slack did not process a rate-limited call, so even chat.postMessage cannot be posted twice.
/// </summary>
internal sealed partial class SlackWebApi(HttpClient http, IOptions<SlackOptions> options, TimeProvider time,
    ILogger<SlackWebApi> logger)
{
    private const int MaxRateLimitRetries = 5;
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromMinutes(2);

    /// <summary>Calls a method with a JSON body (charset=utf-8) and the bot token.</summary>
    public Task<JsonElement> CallJsonAsync(string method, JsonObject body, CancellationToken ct) =>
        SendAsync(method, options.Value.BotToken,
            () => new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"), ct);

    /// <summary>Calls a method with a form body; the files.* methods are documented for it first.</summary>
    public Task<JsonElement> CallFormAsync(string method, IEnumerable<KeyValuePair<string, string>> form,
        CancellationToken ct, string? token = null)
    {
        var fields = form.ToList();
        return SendAsync(method, token ?? options.Value.BotToken, () => new FormUrlEncodedContent(fields), ct);
    }

    /// <summary>POSTs raw bytes to an upload URL from files.getUploadURLExternal (no token: the URL is the grant).</summary>
    public async Task UploadBytesAsync(Uri uploadUrl, string contentType, byte[] content, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, uploadUrl);
            // The docs accept raw bytes or multipart; raw bytes carry no filename, which completeUpload sets.
            request.Content = new ByteArrayContent(content);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.TooManyRequests && attempt < MaxRateLimitRetries)
            {
                await WaitRetryAfterAsync("upload", response, ct).ConfigureAwait(false);
                continue;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new SlackApiException("file upload", $"HTTP {(int)response.StatusCode}");
            }

            return;
        }
    }

    private async Task<JsonElement> SendAsync(string method, string token, Func<HttpContent> content,
        CancellationToken ct)
    {
        var url = new Uri(options.Value.ApiBaseUrl.AbsoluteUri.TrimEnd('/') + "/" + method);
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content() };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                if (attempt >= MaxRateLimitRetries)
                {
                    throw new SlackApiException(method, "ratelimited");
                }

                await WaitRetryAfterAsync(method, response, ct).ConfigureAwait(false);
                continue;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new SlackApiException(method, $"HTTP {(int)response.StatusCode}");
            }

            var bytes = await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
            JsonElement root;
            try
            {
                using var doc = JsonDocument.Parse(bytes);
                root = doc.RootElement.Clone();
            }
            catch (JsonException)
            {
                throw new SlackApiException(method, "invalid JSON in response");
            }

            if (!root.TryGetProperty("ok", out var ok) || ok.ValueKind != JsonValueKind.True)
            {
                var error = root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String
                    ? e.GetString()! : "unknown_error";
                logger.CallFailed(method, error);
                throw new SlackApiException(method, error);
            }

            if (root.TryGetProperty("warning", out var warning) && warning.ValueKind == JsonValueKind.String)
            {
                logger.CallWarning(method, warning.GetString()!);
            }

            return root;
        }
    }

    private async Task WaitRetryAfterAsync(string method, HttpResponseMessage response, CancellationToken ct)
    {
        var wait = response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - time.GetUtcNow(),
            _ => DefaultRetryAfter,
        };
        wait = wait < TimeSpan.Zero ? TimeSpan.Zero : wait > MaxRetryAfter ? MaxRetryAfter : wait;
        logger.RateLimited(method, wait);
        await Task.Delay(wait, time, ct).ConfigureAwait(false);
    }
}

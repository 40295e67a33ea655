using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace CodeCube.Adapters.Slack;

internal sealed partial class SlackWebApi
{
    /// <summary>
    /// POSTs a message to an interaction's response_url. Only to hosts on Slack:ResponseUrlHosts over https (plain
    /// http only to loopback), so a forged payload cannot make the bot call an arbitrary URL.
    /// </summary>
    public async Task PostResponseAsync(Uri responseUrl, JsonObject message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(responseUrl);
        if (!IsAllowedResponseUrl(responseUrl, options.Value.ResponseUrlHosts))
        {
            throw new SlackApiException("response_url", $"host {responseUrl.Host} is not in Slack:ResponseUrlHosts");
        }

        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, responseUrl)
            {
                Content = new StringContent(message.ToJsonString(), Encoding.UTF8, "application/json"),
            };
            using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.TooManyRequests && attempt < MaxRateLimitRetries)
            {
                await WaitRetryAfterAsync("response_url", response, ct).ConfigureAwait(false);
                continue;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new SlackApiException("response_url", $"HTTP {(int)response.StatusCode}");
            }

            return;
        }
    }

    internal static bool IsAllowedResponseUrl(Uri url, IEnumerable<string> hosts) =>
        url.IsAbsoluteUri
        && (url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback))
        && hosts.Contains(url.Host, StringComparer.OrdinalIgnoreCase);
}

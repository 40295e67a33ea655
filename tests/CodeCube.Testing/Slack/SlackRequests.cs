using System.Globalization;
using System.Security.Cryptography;

namespace CodeCube.Testing.Slack;

/// <summary>Requests as Slack sends them to an Events API request URL.</summary>
public static class SlackRequests
{
    /// <summary>
    /// A POST of <paramref name="body"/> to /slack/events, signed with <paramref name="secret"/> at <paramref name="at"/>
    /// the way Slack signs (v0, HMAC-SHA256 over "v0:timestamp:body").
    /// </summary>
    public static HttpRequestMessage SignedEvent(string body, string secret, DateTimeOffset at)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}"));
        var request = new HttpRequestMessage(HttpMethod.Post, "/slack/events")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", "v0=" + Convert.ToHexStringLower(mac));
        return request;
    }
}

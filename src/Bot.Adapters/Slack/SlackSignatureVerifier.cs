using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CodeCube.Adapters.Slack;

/// <summary>Why a request failed verification (or <see cref="Valid"/>).</summary>
public enum SlackSignatureResult
{
    Valid,
    MissingHeaders,
    StaleTimestamp,
    BadSignature,
}

/// <summary>
/// Slack's v0 request signature: hex HMAC-SHA256 of <c>v0:{timestamp}:{raw body}</c> keyed with the signing
/// secret, compared in constant time; timestamps more than five minutes off are refused against replays.
/// </summary>
public sealed class SlackSignatureVerifier(string signingSecret, TimeProvider time)
{
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    private readonly byte[] _key = Encoding.UTF8.GetBytes(signingSecret);

    public SlackSignatureResult Verify(ReadOnlySpan<byte> body, string? timestamp, string? signature)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature) || _key.Length == 0)
        {
            return SlackSignatureResult.MissingHeaders;
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return SlackSignatureResult.StaleTimestamp;
        }

        var skew = time.GetUtcNow().ToUnixTimeSeconds() - seconds;
        if (Math.Abs(skew) > MaxClockSkew.TotalSeconds)
        {
            return SlackSignatureResult.StaleTimestamp;
        }

        var prefix = Encoding.UTF8.GetBytes($"v0:{timestamp}:");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        var expected = Encoding.ASCII.GetBytes("v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(_key, signed)));
        var given = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, given)
            ? SlackSignatureResult.Valid
            : SlackSignatureResult.BadSignature;
    }
}

using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CodeCube.Adapters.Irc;

/// <summary>SHA-256 certificate fingerprints, compared as lower-case hex without separators.</summary>
public static class Fingerprint
{
    /// <summary>Lower-case hex without separators, or null when it is not 32 bytes of hex.</summary>
    public static string? Normalize(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var hex = value.Replace(":", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        return hex.Length == 64 && hex.All(char.IsAsciiHexDigit) ? hex : null;
    }

    public static string Of(X509Certificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return Convert.ToHexStringLower(SHA256.HashData(certificate.GetRawCertData()));
    }
}

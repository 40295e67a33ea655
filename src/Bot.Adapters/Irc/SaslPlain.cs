using System.Text;

namespace CodeCube.Adapters.Irc;

/// <summary>SASL PLAIN for IRC: "authzid NUL authcid NUL password", base64, sent in AUTHENTICATE chunks.</summary>
public static class SaslPlain
{
    /// <summary>AUTHENTICATE carries at most 400 bytes of base64 per line.</summary>
    public const int ChunkSize = 400;

    /// <summary>
    /// The AUTHENTICATE arguments for the credentials: 400-byte chunks, then "+" when the last chunk was exactly
    /// 400 bytes long (or the payload was empty), so the server knows the payload ended.
    /// </summary>
    public static IReadOnlyList<string> Chunks(string user, string password, string? authorizationId = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(password);
        var payload = Encoding.UTF8.GetBytes($"{authorizationId ?? user}\0{user}\0{password}");
        return ChunkBase64(Convert.ToBase64String(payload));
    }

    public static IReadOnlyList<string> ChunkBase64(string base64)
    {
        ArgumentNullException.ThrowIfNull(base64);
        var chunks = new List<string>();
        for (var offset = 0; offset < base64.Length; offset += ChunkSize)
        {
            chunks.Add(base64.Substring(offset, Math.Min(ChunkSize, base64.Length - offset)));
        }
        if (base64.Length % ChunkSize == 0)
        {
            chunks.Add("+");
        }
        return chunks;
    }
}

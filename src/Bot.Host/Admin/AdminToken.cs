using System.Security.Cryptography;
using System.Text;

namespace CodeCube.Host.Admin;

/// <summary>Checks a presented bearer token against Admin:Token in constant time.</summary>
internal static class AdminToken
{
    /// <summary>
    /// Both sides are hashed first, so the comparison takes the same time whatever the length or the first wrong
    /// character of the guess.
    /// </summary>
    public static bool Matches(string? presented, string expected)
    {
        var given = SHA256.HashData(Encoding.UTF8.GetBytes(presented ?? ""));
        var wanted = SHA256.HashData(Encoding.UTF8.GetBytes(expected));
        return CryptographicOperations.FixedTimeEquals(given, wanted) && presented is not null;
    }

    /// <summary>The token of an <c>Authorization: Bearer …</c> header, or null.</summary>
    public static string? FromHeader(string? authorization)
    {
        const string Scheme = "Bearer ";
        return authorization is not null && authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
            ? authorization[Scheme.Length..].Trim()
            : null;
    }
}

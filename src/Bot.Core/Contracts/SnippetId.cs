using System.Security.Cryptography;

namespace CodeCube.Core.Contracts;

/// <summary>Random, unguessable snippet ids: 12 base62 characters (~71 bits).</summary>
public static class SnippetId
{
    public const int Length = 12;
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    public static bool IsValid(string? id) =>
        id is { Length: >= 10 and <= 32 } && id.All(c => c < 128 && char.IsAsciiLetterOrDigit(c));
}

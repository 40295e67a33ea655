using System.Security.Cryptography;
using System.Text;

namespace CodeCube.Sandbox.Protocol;

/// <summary>The bytes the host writes before the program's stdin (see docs/runner-protocol.md).</summary>
internal static class RunnerHeader
{
    public const string Magic = "CODECUBE/1";

    /// <summary>32 lowercase hex characters, fresh per run, so program output cannot forge a marker.</summary>
    public static string NewNonce() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>Header line, then exactly the code bytes, then each argument followed by NUL.</summary>
    public static byte[] Build(string nonce, string code, IReadOnlyList<string> args)
    {
        var codeBytes = Encoding.UTF8.GetBytes(code);
        var argBytes = new List<byte>();
        foreach (var arg in args)
        {
            // A NUL inside an argument would split it in two on the other side.
            argBytes.AddRange(Encoding.UTF8.GetBytes(arg.Replace("\0", "", StringComparison.Ordinal)));
            argBytes.Add(0);
        }

        var header = Encoding.ASCII.GetBytes($"{Magic} {nonce} {codeBytes.Length} {argBytes.Count}\n");
        var result = new byte[header.Length + codeBytes.Length + argBytes.Count];
        header.CopyTo(result, 0);
        codeBytes.CopyTo(result, header.Length);
        argBytes.CopyTo(result, header.Length + codeBytes.Length);
        return result;
    }
}

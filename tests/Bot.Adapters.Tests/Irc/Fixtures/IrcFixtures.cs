using System.Runtime.CompilerServices;

namespace CodeCube.Adapters.Tests.Irc.Fixtures;

/// <summary>Protocol examples copied from the IRCv3 specs; located next to this source file.</summary>
internal static class IrcFixtures
{
    public static string[] Lines(string name) =>
        File.ReadAllLines(Path.Combine(Directory(), name)).Where(l => l.Length > 0).ToArray();

    /// <summary>The "C: " / "S: " lines of a transcript without their marker.</summary>
    public static IEnumerable<string> ProtocolLines(string name) =>
        Lines(name).Where(l => l.StartsWith("C: ", StringComparison.Ordinal) || l.StartsWith("S: ", StringComparison.Ordinal))
            .Select(l => l[3..]);

    /// <summary>Turns the fixtures' "\x01" notation into the byte it stands for.</summary>
    public static string Unescape(string line) => line.Replace(@"\x01", "\x01", StringComparison.Ordinal);

    private static string Directory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}

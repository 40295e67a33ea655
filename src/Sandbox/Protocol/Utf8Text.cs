namespace CodeCube.Sandbox.Protocol;

internal static class Utf8Text
{
    /// <summary>
    /// The longest prefix of <paramref name="bytes"/> no longer than <paramref name="max"/> that does not end inside
    /// a multi-byte character, so a cut at the cap never leaves half a character behind.
    /// </summary>
    public static int SafeCut(ReadOnlySpan<byte> bytes, int max)
    {
        if (max >= bytes.Length)
        {
            return bytes.Length;
        }

        // bytes[max] is the first byte dropped: if it continues a character, back up to that character's lead byte.
        var cut = max;
        for (var back = 0; back < 3 && cut > 0 && (bytes[cut] & 0xC0) == 0x80; back++)
        {
            cut--;
        }

        return (bytes[cut] & 0xC0) == 0x80 ? max : cut;
    }
}

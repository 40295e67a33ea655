using System.Globalization;
using System.Text;

namespace CodeCube.Core.Replies;

/// <summary>Making program output safe to show: no raw control characters, cuts only at character boundaries.</summary>
internal static class OutputText
{
    public const char ZeroWidthSpace = '\u200B';
    private const int ZeroWidthSpaceBytes = 3;
    private const string CommandCharacters = "!.?~@$%&+`,;:/\\^*=>|";

    /// <summary>
    /// Keeps '\n' (callers split lines on it) and, unless <paramref name="expandTabs"/>, '\t'. Every other C0
    /// control becomes its Control Pictures symbol (␀ ␍ ␛ ...), DEL becomes ␡, C1 controls, lone surrogates and
    /// bidi overrides become U+FFFD, and U+2028/U+2029 (line breaks to some clients) become ␤.
    /// </summary>
    /// <param name="keepEscapes">Leave ESC as it is: only for text <see cref="AnsiText.ForDiscord"/> rewrote, where
    /// every ESC left starts a whitelisted colour sequence.</param>
    public static string Sanitize(string text, bool expandTabs, bool keepEscapes = false)
    {
        if (!NeedsSanitizing(text, expandTabs, keepEscapes))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (c == '\t')
            {
                builder.Append(expandTabs ? "    " : "\t");
            }
            else if (c == AnsiText.Escape && keepEscapes)
            {
                builder.Append(c);
            }
            else
            {
                builder.Append(Replace(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Splits into pieces of at most <paramref name="maxBytes"/> UTF-8 bytes between user-perceived characters
    /// (grapheme clusters: an emoji sequence or a letter with its accents stays whole); a cluster longer than a
    /// piece is split between code points, never inside a surrogate pair.
    /// </summary>
    /// <param name="guardStarts">Start every piece that would begin with a command character with a
    /// zero-width space (counted in the limit); see <see cref="GuardLineStart"/>.</param>
    public static List<string> SplitUtf8(string line, int maxBytes, bool guardStarts = false)
    {
        maxBytes = Math.Max(maxBytes, 4);
        var pieces = new List<string>();
        var start = 0;
        var bytes = 0;
        var i = 0;
        while (i < line.Length)
        {
            if (guardStarts && i == start && CommandCharacters.Contains(line[i]))
            {
                bytes += ZeroWidthSpaceBytes;
            }

            var element = StringInfo.GetNextTextElementLength(line, i);
            var elementBytes = Encoding.UTF8.GetByteCount(line.AsSpan(i, element));
            if (elementBytes > maxBytes)
            {
                // Only a pathological cluster (hundreds of combining marks) gets here: fall back to code points.
                element = char.IsHighSurrogate(line[i]) && i + 1 < line.Length && char.IsLowSurrogate(line[i + 1]) ? 2 : 1;
                elementBytes = Encoding.UTF8.GetByteCount(line.AsSpan(i, element));
            }

            if (bytes + elementBytes > maxBytes && i > start)
            {
                pieces.Add(line[start..i]);
                start = i;
                bytes = 0;
                continue;
            }

            bytes += elementBytes;
            i += element;
        }

        if (start < line.Length || pieces.Count == 0)
        {
            pieces.Add(line[start..]);
        }

        return guardStarts ? pieces.ConvertAll(GuardLineStart) : pieces;
    }

    /// <summary>
    /// The longest prefix of at most <paramref name="maxChars"/> UTF-16 units that ends on a character boundary and
    /// not inside an HTML entity such as &amp;lt; (which Slack escaping produces).
    /// </summary>
    public static string CutAt(string text, int maxChars)
    {
        if (text.Length <= maxChars)
        {
            return text;
        }

        var cut = Math.Max(maxChars, 0);
        if (cut > 0 && char.IsLowSurrogate(text[cut]) && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        cut = AnsiText.SafeCut(text, cut);
        var amp = text.LastIndexOf('&', Math.Max(cut - 1, 0));
        if (amp >= 0 && cut - amp < 6 && text.IndexOf(';', amp) >= cut)
        {
            cut = amp;
        }

        return text[..cut];
    }

    /// <summary>
    /// Other bots in a channel may obey lines that start with a command character ("!kick", ".op"): an invisible
    /// zero-width space in front makes such a line plain text to them.
    /// </summary>
    public static string GuardLineStart(string line) =>
        line.Length > 0 && CommandCharacters.Contains(line[0]) ? ZeroWidthSpace + line : line;

    private static bool NeedsSanitizing(string text, bool expandTabs, bool keepEscapes)
    {
        foreach (var c in text)
        {
            if ((c < 0x20 && c != '\n' && (c != '\t' || expandTabs) && (c != AnsiText.Escape || !keepEscapes)) || (c >= 0x7F && c <= 0x9F)
                || char.IsSurrogate(c) || IsLineOrBidiControl(c))
            {
                return true;
            }
        }

        return false;
    }

    private static char Replace(char c) => c switch
    {
        '\n' => '\n',
        < '\u0020' => (char)(0x2400 + c),
        '\u007F' => '\u2421',
        >= '\u0080' and <= '\u009F' => '\uFFFD',
        '\u2028' or '\u2029' => '\u2424',
        _ when char.IsSurrogate(c) || IsLineOrBidiControl(c) => '\uFFFD',
        _ => c,
    };

    private static bool IsLineOrBidiControl(char c) =>
        c is (>= '\u2028' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}

using System.Text;

namespace CodeCube.Core.Replies;

/// <summary>Making program output safe to show: no raw control characters, cuts only at character boundaries.</summary>
internal static class OutputText
{
    public const char ZeroWidthSpace = '\u200B';

    /// <summary>
    /// Keeps '\n' (callers split lines on it) and, unless <paramref name="expandTabs"/>, '\t'. Every other C0
    /// control becomes its Control Pictures symbol (␀ ␍ ␛ ...), DEL becomes ␡, C1 controls, lone surrogates and
    /// bidi overrides become U+FFFD, and U+2028/U+2029 (line breaks to some clients) become ␤.
    /// </summary>
    public static string Sanitize(string text, bool expandTabs)
    {
        if (!NeedsSanitizing(text, expandTabs))
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
            else
            {
                builder.Append(Replace(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>Splits into pieces of at most <paramref name="maxBytes"/> UTF-8 bytes, never inside a character.</summary>
    public static List<string> SplitUtf8(string line, int maxBytes)
    {
        maxBytes = Math.Max(maxBytes, 4);
        var pieces = new List<string>();
        var start = 0;
        var bytes = 0;
        var i = 0;
        while (i < line.Length)
        {
            var width = char.IsHighSurrogate(line[i]) && i + 1 < line.Length && char.IsLowSurrogate(line[i + 1]) ? 2 : 1;
            var runeBytes = width == 2 ? 4 : Utf8Length(line[i]);
            if (bytes + runeBytes > maxBytes)
            {
                pieces.Add(line[start..i]);
                start = i;
                bytes = 0;
            }

            bytes += runeBytes;
            i += width;
        }

        if (start < line.Length || pieces.Count == 0)
        {
            pieces.Add(line[start..]);
        }

        return pieces;
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

        var amp = text.LastIndexOf('&', Math.Max(cut - 1, 0));
        if (amp >= 0 && cut - amp < 6 && text.IndexOf(';', amp) >= cut)
        {
            cut = amp;
        }

        return text[..cut];
    }

    /// <summary>
    /// Other bots in a channel may obey lines that start with punctuation ("!kick", ".op"): an invisible
    /// zero-width space in front makes such a line plain text to them.
    /// </summary>
    public static string GuardLineStart(string line) =>
        line.Length > 0 && char.IsAsciiLetterOrDigit(line[0]) is false && line[0] is not (' ' or ZeroWidthSpace) && line[0] < 128
            ? ZeroWidthSpace + line
            : line;

    private static int Utf8Length(char c) => c < 0x80 ? 1 : c < 0x800 ? 2 : 3;

    private static bool NeedsSanitizing(string text, bool expandTabs)
    {
        foreach (var c in text)
        {
            if ((c < 0x20 && c != '\n' && (c != '\t' || expandTabs)) || (c >= 0x7F && c <= 0x9F)
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

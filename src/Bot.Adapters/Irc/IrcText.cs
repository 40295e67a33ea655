using System.Globalization;
using System.Text;

namespace CodeCube.Adapters.Irc;

/// <summary>Makes program output safe to put in a PRIVMSG and cuts it to byte budgets.</summary>
public static class IrcText
{
    /// <summary>
    /// Replaces every control character with a visible symbol so output can never end a line, start CTCP or
    /// change colours: C0 controls become their Unicode "control picture" (CR → ␍, NUL → ␀, \x01 → ␁), DEL → ␡,
    /// TAB → space, C1 controls and line/paragraph separators → space, lone surrogates → U+FFFD.
    /// </summary>
    public static string Sanitize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsClean(text))
        {
            return text;
        }
        var sb = new StringBuilder(text.Length);
        foreach (var rune in EnumerateRunesLenient(text))
        {
            var v = rune.Value;
            if (v == '\t' || (v >= 0x80 && v <= 0x9F) || v == 0x2028 || v == 0x2029)
            {
                sb.Append(' ');
            }
            else if (v < 0x20)
            {
                sb.Append((char)(0x2400 + v));
            }
            else if (v == 0x7F)
            {
                sb.Append('\u2421');
            }
            else
            {
                sb.Append(rune.ToString());
            }
        }
        return sb.ToString();
    }

    /// <summary>
    /// Splits <paramref name="text"/> into pieces of at most <paramref name="maxBytes"/> UTF-8 bytes, cutting between
    /// grapheme clusters where possible and between code points when one cluster alone exceeds the budget.
    /// </summary>
    public static IReadOnlyList<string> SplitToBytes(string text, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 4);
        var pieces = new List<string>();
        var current = new StringBuilder();
        var currentBytes = 0;
        var index = 0;
        while (index < text.Length)
        {
            var length = StringInfo.GetNextTextElementLength(text, index);
            var element = text.Substring(index, length);
            index += length;
            var bytes = Encoding.UTF8.GetByteCount(element);
            if (bytes > maxBytes)
            {
                // A cluster bigger than a line (combining-mark abuse): fall back to code points.
                foreach (var rune in element.EnumerateRunes())
                {
                    Append(rune.ToString(), rune.Utf8SequenceLength);
                }
                continue;
            }
            Append(element, bytes);
        }
        if (current.Length > 0 || pieces.Count == 0)
        {
            pieces.Add(current.ToString());
        }
        return pieces;

        void Append(string s, int byteCount)
        {
            if (currentBytes + byteCount > maxBytes && current.Length > 0)
            {
                pieces.Add(current.ToString());
                current.Clear();
                currentBytes = 0;
            }
            current.Append(s);
            currentBytes += byteCount;
        }
    }

    /// <summary>The longest prefix of <paramref name="text"/> within <paramref name="maxBytes"/>, cut between code points.</summary>
    public static string CutToBytes(string text, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Encoding.UTF8.GetByteCount(text) <= maxBytes)
        {
            return text;
        }
        var used = 0;
        var sb = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (used + rune.Utf8SequenceLength > maxBytes)
            {
                break;
            }
            sb.Append(rune.ToString());
            used += rune.Utf8SequenceLength;
        }
        return sb.ToString();
    }

    /// <summary>Removes mIRC formatting (bold, colours, reset ...) from what users typed.</summary>
    public static string StripFormatting(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\x02' or '\x0F' or '\x11' or '\x16' or '\x1D' or '\x1E' or '\x1F':
                    break;
                case '\x03':
                    i = SkipColour(text, i, 2, char.IsAsciiDigit);
                    break;
                case '\x04':
                    i = SkipColour(text, i, 6, char.IsAsciiHexDigit);
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }
        return sb.ToString();
    }

    // Colour codes: \x03[fg[,bg]] with up to two digits each (\x04 uses six hex digits).
    private static int SkipColour(string text, int i, int digits, Func<char, bool> isDigit)
    {
        var j = SkipDigits(text, i + 1, digits, isDigit);
        if (j > i + 1 && j + 1 < text.Length && text[j] == ',' && isDigit(text[j + 1]))
        {
            j = SkipDigits(text, j + 1, digits, isDigit);
        }
        return j - 1;
    }

    private static int SkipDigits(string text, int start, int max, Func<char, bool> isDigit)
    {
        var j = start;
        while (j < text.Length && j - start < max && isDigit(text[j]))
        {
            j++;
        }
        return j;
    }

    private static bool IsClean(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029')
            {
                return false;
            }
            if (char.IsSurrogate(c))
            {
                if (!char.IsHighSurrogate(c) || i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }
                i++;
            }
        }
        return true;
    }

    private static IEnumerable<Rune> EnumerateRunesLenient(string text)
    {
        var index = 0;
        while (index < text.Length)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                rune = Rune.ReplacementChar;
                consumed = Math.Max(consumed, 1);
            }
            yield return rune;
            index += consumed;
        }
    }
}

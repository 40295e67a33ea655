namespace CodeCube.Core.Commands;

/// <summary>
/// A ``` block as chat platforms render it. The opening run of N ≥ 3 backticks is closed by the next run of at
/// least N backticks anywhere (Discord closes mid-line too), so a ```` block may contain ```. When the closing run
/// is longer than N, its extra leading backticks belong to the content (code that ends in a backtick).
/// An unclosed block runs to the end of the text.
/// </summary>
/// <param name="FirstLine">The trimmed first line when it looks like a language tag and more lines follow, else null.</param>
/// <param name="Body">The content after <paramref name="FirstLine"/> (all of it when there is no tag line).</param>
/// <param name="WholeBody">All the content, the tag-like first line included.</param>
/// <param name="End">Index just after the closing backticks.</param>
internal sealed record FencedBlock(string? FirstLine, string Body, string WholeBody, int End)
{
    public const int MinTicks = 3;

    /// <summary>Index of the first run of ≥ 3 backticks at or after <paramref name="start"/>, or -1.</summary>
    public static int FindOpening(string text, int start)
    {
        var at = start;
        while ((at = text.IndexOf('`', at)) >= 0)
        {
            var run = RunLength(text, at);
            if (run >= MinTicks)
            {
                return at;
            }

            at += run;
        }

        return -1;
    }

    /// <summary>Reads the block whose opening run starts at <paramref name="open"/> (text uses '\n' only).</summary>
    public static FencedBlock Read(string text, int open)
    {
        var ticks = RunLength(text, open);
        var contentStart = open + ticks;
        var (contentEnd, end) = FindClosing(text, contentStart, ticks);
        var raw = text[contentStart..contentEnd];

        string? firstLine = null;
        var body = raw;
        var newline = raw.IndexOf('\n', StringComparison.Ordinal);
        if (newline >= 0)
        {
            var line = raw[..newline].Trim();
            if (line.Length == 0)
            {
                raw = raw[(newline + 1)..];
                body = raw;
            }
            else if (LooksLikeTag(line))
            {
                firstLine = line;
                body = raw[(newline + 1)..];
            }
        }

        return new FencedBlock(firstLine, TrimClosingLine(body), TrimClosingLine(raw), end);
    }

    /// <summary>A language tag is one short word: letters, digits and + # . _ - (c++, c#, objective-c).</summary>
    public static bool LooksLikeTag(string word) =>
        word.Length is > 0 and <= 32
        && char.IsAsciiLetterOrDigit(word[0])
        && word.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '#' or '.' or '_' or '-');

    private static (int ContentEnd, int End) FindClosing(string text, int from, int ticks)
    {
        var at = from;
        while ((at = text.IndexOf('`', at)) >= 0)
        {
            var run = RunLength(text, at);
            if (run >= ticks)
            {
                return (at + run - ticks, at + run);
            }

            at += run;
        }

        return (text.Length, text.Length);
    }

    private static int RunLength(string text, int at)
    {
        var end = at;
        while (end < text.Length && text[end] == '`')
        {
            end++;
        }

        return end - at;
    }

    // The newline (and indentation) before a closing fence on its own line is not part of the content.
    private static string TrimClosingLine(string content)
    {
        var end = content.Length;
        while (end > 0 && content[end - 1] is ' ' or '\t')
        {
            end--;
        }

        if (end > 0 && content[end - 1] == '\n')
        {
            return content[..(end - 1)];
        }

        return content;
    }
}

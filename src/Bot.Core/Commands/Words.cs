using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace CodeCube.Core.Commands;

/// <summary>Small text helpers for the command parser.</summary>
internal static class Words
{
    /// <summary>Splits on whitespace; "double" or 'single' quotes group words (no escapes inside quotes).</summary>
    public static List<string> Split(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        var inWord = false;
        char? quote = null;
        foreach (var c in text)
        {
            if (quote is { } q)
            {
                if (c == q)
                {
                    quote = null;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(current.ToString());
                    current.Clear();
                    inWord = false;
                }
            }
            else
            {
                current.Append(c);
                inWord = true;
            }
        }

        if (inWord)
        {
            words.Add(current.ToString());
        }

        return words;
    }

    /// <summary>The first whitespace-delimited word and what follows it (leading blanks and one newline removed).</summary>
    public static (string? Word, string Remainder) First(string text)
    {
        var start = 0;
        while (start < text.Length && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        if (start == text.Length)
        {
            return (null, "");
        }

        var end = start;
        while (end < text.Length && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        var rest = end;
        while (rest < text.Length && text[rest] is ' ' or '\t')
        {
            rest++;
        }

        if (rest < text.Length && text[rest] == '\n')
        {
            rest++;
        }

        return (text[start..end], text[rest..].TrimEnd());
    }

    /// <summary>'\r\n' and lone '\r' become '\n'.</summary>
    public static string NormalizeNewlines(string text) =>
        text.Contains('\r', StringComparison.Ordinal) ? text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n') : text;

    /// <summary>
    /// The text after the command prefix, or null when the message does not start with it. One leading word ending
    /// in ':' or ',' (an addressee such as "CodeCube:") or a mention (&lt;@123&gt;, &lt;@U123&gt;) may stand before it.
    /// </summary>
    public static string? AfterPrefix(string text, string prefix)
    {
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith(prefix, StringComparison.Ordinal))
        {
            return trimmed[prefix.Length..];
        }

        var (word, _) = First(trimmed);
        if (!IsAddressee(word))
        {
            return null;
        }

        var afterWord = trimmed[word.Length..].TrimStart(' ', '\t');
        return afterWord.StartsWith(prefix, StringComparison.Ordinal) ? afterWord[prefix.Length..] : null;
    }

    private static bool IsAddressee([NotNullWhen(true)] string? word) =>
        word is { Length: > 1 }
        && (word[^1] is ':' or ',' || (word.StartsWith("<@", StringComparison.Ordinal) && word[^1] == '>'));

    /// <summary>
    /// A link as chat platforms may deliver it: Slack and Discord users write &lt;url&gt; (Slack also &lt;url|label&gt;).
    /// </summary>
    public static string Unbracket(string word)
    {
        if (word.Length > 2 && word[0] == '<' && word[^1] == '>')
        {
            word = word[1..^1];
            var bar = word.IndexOf('|', StringComparison.Ordinal);
            return bar >= 0 ? word[..bar] : word;
        }

        return word;
    }

    /// <summary>User text quoted back in an error, kept short.</summary>
    public static string Clip(string text, int max = 32)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return text[..cut] + "…";
    }
}

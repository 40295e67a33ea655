using System.Text.RegularExpressions;

namespace CodeCube.Adapters.Slack;

/// <summary>Slack message text: decoding what users send, cutting what we send.</summary>
internal static partial class SlackText
{
    /// <summary>Slack rejects longer texts; the formatter aims lower (3900), this is the last guard.</summary>
    public const int MaxSendChars = 4000;

    /// <summary>
    /// Turns Slack's escaped text into what the user typed: <c>&lt;</c> becomes '&lt;', links are unwrapped to
    /// their visible label, mentions become plain <c>@name</c> text. Brackets are read before entities, because a
    /// literal '&lt;' the user typed is always sent as <c>&amp;lt;</c> and so can never start a token.
    /// </summary>
    public static string Decode(string text)
    {
        if (text.IndexOfAny(['<', '&']) < 0)
        {
            return text;
        }

        return DecodeEntities(Token().Replace(text, match => RenderToken(match.Groups[1].Value)));
    }

    /// <summary>Cuts to <paramref name="max"/> UTF-16 units without splitting a surrogate pair or an entity.</summary>
    public static string Cut(string text, int max = MaxSendChars)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = max;
        if (char.IsLowSurrogate(text[cut]) && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        // "&amp;" cut to "&am" would show as junk; the longest entity Slack uses is 5 characters.
        var amp = text.LastIndexOf('&', cut - 1, Math.Min(cut, 5));
        if (amp >= 0 && text.IndexOf(';', amp, cut - amp) < 0)
        {
            cut = amp;
        }

        return text[..cut];
    }

    private static string RenderToken(string inner)
    {
        var bar = inner.IndexOf('|', StringComparison.Ordinal);
        var target = bar < 0 ? inner : inner[..bar];
        var label = bar < 0 ? null : inner[(bar + 1)..];
        if (target.StartsWith('@'))
        {
            return label is null ? target : "@" + label.TrimStart('@');
        }

        if (target.StartsWith('#'))
        {
            return label is null ? target : "#" + label;
        }

        if (target.StartsWith('!'))
        {
            // <!here>, <!channel>, <!subteam^S1|@team>, <!date^…|fallback>: what the reader sees.
            if (label is not null)
            {
                return label;
            }

            var caret = target.IndexOf('^', StringComparison.Ordinal);
            return "@" + (caret < 0 ? target[1..] : target[1..caret]);
        }

        // Links: Slack wraps anything URL-like (even "main.py") and keeps what was typed as the label.
        return label ?? target;
    }

    private static string DecodeEntities(string text) =>
        Entity().Replace(text, match => match.Groups[1].Value switch
        {
            "amp" => "&",
            "lt" => "<",
            _ => ">",
        });

    [GeneratedRegex("<([^<>]*)>", RegexOptions.CultureInvariant)]
    private static partial Regex Token();

    [GeneratedRegex("&(amp|lt|gt);", RegexOptions.CultureInvariant)]
    private static partial Regex Entity();
}

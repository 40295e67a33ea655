using System.Globalization;
using System.Text;

namespace CodeCube.Core.Replies;

/// <summary>
/// ANSI escape sequences in program output. Discord colours SGR codes inside a ```ansi block, so for Discord the
/// codes it understands (reset, bold, underline, the eight foreground and background colours; the bright ones fold
/// onto those) are kept, each change re-emitted as one absolute sequence built from a whitelist, never copied; every
/// other sequence (cursor moves, screen clears, titles, hyperlinks, private modes) is dropped. Every other platform
/// gets the text with all sequences removed.
/// </summary>
public static class AnsiText
{
    public const char Escape = '\u001b';

    /// <summary>The text without any escape sequence.</summary>
    public static string Strip(string text) => Rewrite(text, keepColours: false, out _);

    /// <summary>
    /// The text with only whitelisted SGR sequences (see the summary); <paramref name="coloured"/> tells whether any
    /// is left. Colour never runs past the end: a text that ends coloured ends with a reset.
    /// </summary>
    public static string ForDiscord(string text, out bool coloured) => Rewrite(text, keepColours: true, out coloured);

    /// <summary>Where a cut at <paramref name="cut"/> would split a sequence of ours, the start of that sequence.</summary>
    internal static int SafeCut(string text, int cut)
    {
        if (cut <= 0 || cut >= text.Length)
        {
            return cut;
        }

        var escape = text.LastIndexOf(Escape, cut - 1);
        var end = escape < 0 ? -1 : text.IndexOf('m', escape);
        return escape >= 0 && (end < 0 || end >= cut) ? escape : cut;
    }

    private static string Rewrite(string text, bool keepColours, out bool coloured)
    {
        coloured = false;
        if (!text.Contains(Escape, StringComparison.Ordinal))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var wanted = Sgr.Plain;
        var shown = Sgr.Plain;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == Escape)
            {
                i = Skip(text, i, ref wanted) - 1;
                continue;
            }

            // Emitted only in front of text, so a run of changes with nothing between them costs one sequence.
            if (keepColours && wanted != shown)
            {
                builder.Append(wanted.Sequence());
                shown = wanted;
                coloured |= wanted != Sgr.Plain;
            }

            builder.Append(text[i]);
        }

        if (keepColours && shown != Sgr.Plain)
        {
            builder.Append(Sgr.Plain.Sequence());
        }

        return builder.ToString();
    }

    /// <summary>The index after the sequence starting at <paramref name="start"/>; an SGR one updates the state.</summary>
    private static int Skip(string text, int start, ref Sgr state)
    {
        var i = start + 1;
        if (i >= text.Length)
        {
            return i;
        }

        switch (text[i])
        {
            case '[':
                // CSI: parameter bytes 0x30-0x3F, intermediate bytes 0x20-0x2F, one final byte 0x40-0x7E.
                var parameters = ++i;
                while (i < text.Length && text[i] is >= '0' and <= '?')
                {
                    i++;
                }

                var intermediates = i;
                while (i < text.Length && text[i] is >= ' ' and <= '/')
                {
                    i++;
                }

                if (i >= text.Length || text[i] is < '@' or > '~')
                {
                    return start + 1; // unterminated: only the escape goes, the rest shows as text
                }

                if (text[i] == 'm' && intermediates == i)
                {
                    state = state.Apply(text.AsSpan(parameters, i - parameters));
                }

                return i + 1;
            case ']' or 'P' or 'X' or '^' or '_':
                // OSC, DCS, SOS, PM, APC: a string up to BEL (OSC only) or ST (ESC \).
                for (i++; i < text.Length; i++)
                {
                    if (text[i] == '\u0007' && text[start + 1] == ']')
                    {
                        return i + 1;
                    }

                    if (text[i] == Escape && i + 1 < text.Length && text[i + 1] == '\\')
                    {
                        return i + 2;
                    }
                }

                return start + 1;
            case >= ' ' and <= '~':
                // ESC 7, ESC c, and with intermediate bytes first: ESC ( B, ESC # 8.
                while (i < text.Length && text[i] is >= ' ' and <= '/')
                {
                    i++;
                }

                return i < text.Length && text[i] is >= '0' and <= '~' ? i + 1 : start + 1;
            default:
                return i;
        }
    }

    /// <summary>What Discord can show; -1 is the default colour.</summary>
    private readonly record struct Sgr(bool Bold, bool Underline, int Foreground, int Background)
    {
        public static readonly Sgr Plain = new(false, false, -1, -1);

        public Sgr Apply(ReadOnlySpan<char> parameters)
        {
            var state = this;
            // Colon sub-parameters (38:2:r:g:b) never match a whitelisted code as a whole: skipping them is dropping.
            if (parameters.Contains(':') || parameters.Contains('<') || parameters.Contains('=') || parameters.Contains('>') || parameters.Contains('?'))
            {
                return state;
            }

            var codes = new List<int>();
            foreach (var range in parameters.Split(';'))
            {
                codes.Add(int.TryParse(parameters[range], NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : 0);
            }

            for (var k = 0; k < codes.Count; k++)
            {
                var code = codes[k];
                state = code switch
                {
                    0 => Plain,
                    1 => state with { Bold = true },
                    22 => state with { Bold = false },
                    4 => state with { Underline = true },
                    24 => state with { Underline = false },
                    >= 30 and <= 37 => state with { Foreground = code - 30 },
                    >= 90 and <= 97 => state with { Foreground = code - 90 },
                    39 => state with { Foreground = -1 },
                    >= 40 and <= 47 => state with { Background = code - 40 },
                    >= 100 and <= 107 => state with { Background = code - 100 },
                    49 => state with { Background = -1 },
                    _ => state,
                };
                if (code is 38 or 48 && k + 1 < codes.Count)
                {
                    k += codes[k + 1] switch { 5 => 2, 2 => 4, _ => 0 }; // 256 and true colour: Discord has neither
                }
            }

            return state;
        }

        public string Sequence()
        {
            var builder = new StringBuilder("\u001b[0");
            if (Bold)
            {
                builder.Append(";1");
            }

            if (Underline)
            {
                builder.Append(";4");
            }

            if (Foreground >= 0)
            {
                builder.Append(";3").Append((char)('0' + Foreground));
            }

            if (Background >= 0)
            {
                builder.Append(";4").Append((char)('0' + Background));
            }

            return builder.Append('m').ToString();
        }
    }
}

using System.Text;

namespace CodeCube.Adapters.Irc;

/// <summary>Byte budgets of one PRIVMSG, as the receiving clients will see it.</summary>
public static class IrcLineBudget
{
    /// <summary>An IRC line is 512 bytes with CR LF; tags have their own budget and we send none.</summary>
    public const int MaxLineBytes = 510;

    /// <summary>The longest host name servers use (RFC 1035 label limit, the common HOSTLEN).</summary>
    public const int ConservativeHostBytes = 63;

    /// <summary>USERLEN default plus the '~' many servers add when ident is off.</summary>
    public const int ConservativeUserBytes = 11;

    /// <summary>
    /// Text bytes that fit in "PRIVMSG target :text" once the server prepends ":nick!user@host " for the
    /// recipients; <paramref name="user"/> and <paramref name="host"/> are null while we do not know them.
    /// </summary>
    public static int PrivmsgText(string nick, string? user, string? host, string target)
    {
        var userBytes = user is null ? ConservativeUserBytes : Encoding.UTF8.GetByteCount(user);
        var hostBytes = host is null ? ConservativeHostBytes : Encoding.UTF8.GetByteCount(host);
        var prefix = 1 + Encoding.UTF8.GetByteCount(nick) + 1 + userBytes + 1 + hostBytes + 1;
        var command = "PRIVMSG ".Length + Encoding.UTF8.GetByteCount(target) + " :".Length;
        return MaxLineBytes - prefix - command;
    }
}

/// <summary>
/// Turns a reply text ('\n'-separated lines, the last one the permalink) into the PRIVMSG texts to send: each line
/// sanitised and split to the byte budget, at most <c>maxOutputLines</c> lines of output plus the last line.
/// </summary>
public static class IrcReplySplitter
{
    public static IReadOnlyList<string> Split(string text, int maxBytes, int maxOutputLines)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxOutputLines, 1);
        // '\n' separates lines; a stray '\r' is kept and sanitised to a visible ␍ rather than trusted as a break.
        var lines = text.Split('\n');
        var lastLine = lines.Length - 1;
        while (lastLine > 0 && lines[lastLine].Length == 0)
        {
            lastLine--;
        }

        var trailer = Pieces(lines[lastLine], maxBytes);
        var limit = maxOutputLines + 1;
        var trailerKept = Math.Min(trailer.Count, limit);
        var bodyBudget = Math.Min(maxOutputLines, limit - trailerKept);

        var result = new List<string>(limit);
        for (var i = 0; i < lastLine && result.Count < bodyBudget; i++)
        {
            foreach (var piece in Pieces(lines[i], maxBytes))
            {
                if (result.Count == bodyBudget)
                {
                    break;
                }
                result.Add(piece);
            }
        }
        result.AddRange(trailer.Take(trailerKept));
        return result;
    }

    private static IReadOnlyList<string> Pieces(string line, int maxBytes)
    {
        var clean = IrcText.Sanitize(line);
        // IRC cannot carry an empty message; a space keeps a blank output line visible.
        return clean.Length == 0 ? [" "] : IrcText.SplitToBytes(clean, maxBytes);
    }
}

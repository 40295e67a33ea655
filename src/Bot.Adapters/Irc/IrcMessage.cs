using System.Text;

namespace CodeCube.Adapters.Irc;

/// <summary>One IRC protocol line: IRCv3 tags, optional source prefix, command and parameters.</summary>
public sealed record IrcMessage(
    IReadOnlyDictionary<string, string> Tags,
    string? Prefix,
    string Command,
    IReadOnlyList<string> Params)
{
    private static readonly IReadOnlyDictionary<string, string> NoTags = new Dictionary<string, string>();

    /// <summary>A message without tags or prefix, as a client sends it.</summary>
    public static IrcMessage Create(string command, params string[] parameters) =>
        new(NoTags, null, command, parameters);

    /// <summary>The parameter at <paramref name="index"/>, or empty when it is absent.</summary>
    public string Param(int index) => index < Params.Count ? Params[index] : string.Empty;

    /// <summary>The nick part of the prefix (the whole prefix for a server).</summary>
    public string SourceNick => IrcSource.Parse(Prefix).Nick;

    /// <summary>Parses a line without its CR LF; returns null for a line that has no command.</summary>
    public static IrcMessage? Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var rest = line.AsSpan().TrimEnd("\r\n");
        var tags = NoTags;
        if (rest.StartsWith("@"))
        {
            var end = rest.IndexOf(' ');
            if (end < 0)
            {
                return null;
            }
            tags = ParseTags(rest[1..end]);
            rest = rest[(end + 1)..].TrimStart(' ');
        }

        string? prefix = null;
        if (rest.StartsWith(":"))
        {
            var end = rest.IndexOf(' ');
            if (end < 0)
            {
                return null;
            }
            prefix = rest[1..end].ToString();
            rest = rest[(end + 1)..].TrimStart(' ');
        }

        var parameters = new List<string>();
        string? command = null;
        while (!rest.IsEmpty)
        {
            if (command is not null && rest[0] == ':')
            {
                parameters.Add(rest[1..].ToString());
                break;
            }
            var end = rest.IndexOf(' ');
            var word = end < 0 ? rest : rest[..end];
            if (command is null)
            {
                command = word.ToString().ToUpperInvariant();
            }
            else
            {
                parameters.Add(word.ToString());
            }
            rest = end < 0 ? [] : rest[(end + 1)..].TrimStart(' ');
        }

        return command is null ? null : new IrcMessage(tags, prefix, command, parameters);
    }

    /// <summary>
    /// Serialises without CR LF. Throws for a line that would smuggle a second command (CR, LF or NUL anywhere,
    /// a space or leading ':' in a middle parameter): callers sanitise text first, so this is a programmer error.
    /// </summary>
    public string Serialize()
    {
        var sb = new StringBuilder();
        if (Tags.Count > 0)
        {
            sb.Append('@');
            var first = true;
            foreach (var (key, value) in Tags)
            {
                RequireSafe(key);
                if (key.Length == 0 || key.AsSpan().IndexOfAny(" ;=") >= 0)
                {
                    throw new ArgumentException($"Invalid tag key '{key}'.");
                }
                sb.Append(first ? "" : ";").Append(key);
                if (value.Length > 0)
                {
                    sb.Append('=').Append(EscapeTagValue(value));
                }
                first = false;
            }
            sb.Append(' ');
        }
        if (Prefix is not null)
        {
            RequireMiddle(Prefix);
            sb.Append(':').Append(Prefix).Append(' ');
        }
        RequireMiddle(Command);
        sb.Append(Command);
        for (var i = 0; i < Params.Count; i++)
        {
            var p = Params[i];
            RequireSafe(p);
            if (i == Params.Count - 1 && (p.Length == 0 || p.Contains(' ') || p[0] == ':'))
            {
                sb.Append(" :").Append(p);
            }
            else
            {
                RequireMiddle(p);
                sb.Append(' ').Append(p);
            }
        }
        return sb.ToString();
    }

    public override string ToString() => Serialize();

    /// <summary>Escapes a tag value per IRCv3 message-tags: ; space \ CR LF.</summary>
    public static string EscapeTagValue(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            _ = c switch
            {
                ';' => sb.Append(@"\:"),
                ' ' => sb.Append(@"\s"),
                '\\' => sb.Append(@"\\"),
                '\r' => sb.Append(@"\r"),
                '\n' => sb.Append(@"\n"),
                _ => sb.Append(c),
            };
        }
        return sb.ToString();
    }

    /// <summary>Unescapes a tag value; an unknown escape keeps the character, a trailing lone '\' is dropped.</summary>
    public static string UnescapeTagValue(ReadOnlySpan<char> value)
    {
        var sb = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '\\')
            {
                sb.Append(value[i]);
                continue;
            }
            if (++i == value.Length)
            {
                break;
            }
            sb.Append(value[i] switch
            {
                ':' => ';',
                's' => ' ',
                'r' => '\r',
                'n' => '\n',
                var other => other,
            });
        }
        return sb.ToString();
    }

    private static Dictionary<string, string> ParseTags(ReadOnlySpan<char> raw)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var range in raw.Split(';'))
        {
            var item = raw[range];
            if (item.IsEmpty)
            {
                continue;
            }
            var eq = item.IndexOf('=');
            var key = (eq < 0 ? item : item[..eq]).ToString();
            // Later duplicates win, as the spec says.
            tags[key] = eq < 0 ? string.Empty : UnescapeTagValue(item[(eq + 1)..]);
        }
        return tags;
    }

    private static void RequireSafe(string value)
    {
        if (value.AsSpan().IndexOfAny("\r\n\0") >= 0)
        {
            throw new ArgumentException("IRC parameters must not contain CR, LF or NUL.");
        }
    }

    private static void RequireMiddle(string value)
    {
        RequireSafe(value);
        if (value.Length == 0 || value.Contains(' ') || value[0] == ':')
        {
            throw new ArgumentException($"'{value}' is not a valid middle parameter.");
        }
    }
}

/// <summary>The parts of a message source "nick!user@host"; user and host are empty for a server source.</summary>
public readonly record struct IrcSource(string Nick, string User, string Host)
{
    public static IrcSource Parse(string? prefix)
    {
        if (string.IsNullOrEmpty(prefix))
        {
            return new IrcSource(string.Empty, string.Empty, string.Empty);
        }
        var at = prefix.IndexOf('@');
        var host = at < 0 ? string.Empty : prefix[(at + 1)..];
        var nickUser = at < 0 ? prefix : prefix[..at];
        var bang = nickUser.IndexOf('!');
        return bang < 0
            ? new IrcSource(nickUser, string.Empty, host)
            : new IrcSource(nickUser[..bang], nickUser[(bang + 1)..], host);
    }
}

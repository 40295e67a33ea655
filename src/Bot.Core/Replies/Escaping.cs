using System.Text;
using System.Text.RegularExpressions;
using CodeCube.Core.Chat;

namespace CodeCube.Core.Replies;

/// <summary>
/// Per-platform escaping of text we did not write (program output, user words, versions, sandbox details).
/// Input is already <see cref="OutputText.Sanitize"/>d.
/// </summary>
internal static partial class Escaping
{
    private const string Zwsp = "\u200B";

    /// <summary>For the inside of a ``` block: no run of backticks can close it, no mention can ping.</summary>
    public static string Code(string text, TextMarkup markup) => markup switch
    {
        TextMarkup.DiscordMarkdown => NeutraliseDiscordMentions(BreakBacktickRuns(text)),
        TextMarkup.SlackMrkdwn => NeutraliseBroadcastWords(BreakBacktickRuns(EscapeSlack(text))),
        _ => text,
    };

    /// <summary>For ordinary message text: markup characters lose their meaning, no mention can ping.</summary>
    public static string Text(string text, TextMarkup markup) => markup switch
    {
        TextMarkup.DiscordMarkdown => NeutraliseDiscordMentions(EscapeDiscordMarkdown(text)),
        TextMarkup.SlackMrkdwn => NeutraliseBroadcastWords(EscapeSlack(text)),
        _ => text,
    };

    /// <summary>Our own permalink: angle brackets stop Discord's embed and are Slack's link syntax.</summary>
    public static string Link(string url, TextMarkup markup) => markup switch
    {
        TextMarkup.DiscordMarkdown => $"<{url}>",
        TextMarkup.SlackMrkdwn => $"<{EscapeSlack(url)}>",
        _ => url,
    };

    /// <summary>A zero-width space between adjacent backticks: output can never contain a fence.</summary>
    public static string BreakBacktickRuns(string text) =>
        text.Contains("``", StringComparison.Ordinal) ? text.Replace("``", "`" + Zwsp + "`", StringComparison.Ordinal)
            .Replace("``", "`" + Zwsp + "`", StringComparison.Ordinal) : text;

    public static string EscapeSlack(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal);

    // @everyone and @here ping without any markup; <@id>, <@!id>, <@&role>, <#channel> and </command:id> are
    // mention syntax. A zero-width space after the '@' or '<' leaves them as plain text.
    private static string NeutraliseDiscordMentions(string text)
    {
        text = NeutraliseBroadcastWords(text);
        return text.Contains('<', StringComparison.Ordinal) ? MentionOpener().Replace(text, "<" + Zwsp) : text;
    }

    // Slack only pings on <!channel> (escaped above), but clients and link_names still react to bare words.
    private static string NeutraliseBroadcastWords(string text) =>
        text.Contains('@', StringComparison.Ordinal) ? BroadcastWord().Replace(text, "@" + Zwsp) : text;

    // Emphasis, spoilers, code and masked links work anywhere; headings, quotes and lists only at a line start.
    private static string EscapeDiscordMarkdown(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        var lineStart = true;
        foreach (var c in text)
        {
            if (c is '\\' or '*' or '_' or '~' or '`' or '|' or '[' or ']' || (lineStart && c is '#' or '>' or '-'))
            {
                builder.Append('\\');
            }

            builder.Append(c);
            lineStart = c == '\n' || (lineStart && c is ' ' or '\t');
        }

        return builder.ToString();
    }

    [GeneratedRegex("<(?=[@#/])")]
    private static partial Regex MentionOpener();

    // No word boundary: a ping must not hide in "@herewego" either.
    [GeneratedRegex("@(?=everyone|here|channel)", RegexOptions.IgnoreCase)]
    private static partial Regex BroadcastWord();
}

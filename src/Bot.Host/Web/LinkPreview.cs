using System.Globalization;
using System.Text;
using CodeCube.Core.Contracts;
using CodeCube.Core.Replies;
using static CodeCube.Host.Web.Html;

namespace CodeCube.Host.Web;

/// <summary>
/// Open Graph and Twitter card tags for a snippet, so a permalink pasted into Discord or Slack unfurls into a card:
/// the title says language, outcome and time, the description shows the first lines of output. Output is data: its
/// escape codes and control characters are dropped and it is HTML-encoded like everything else.
/// </summary>
internal static class LinkPreview
{
    private const int MaxLines = 4;
    private const int MaxChars = 200;

    public static string Title(Snippet s)
    {
        var result = s.Outcome == RunOutcome.Completed && s.ExitCode is { } exit
            ? $"exit {exit.ToString(CultureInfo.InvariantCulture)}"
            : s.Outcome.ToWire().Replace('_', ' ');
        return $"{s.Language} · {result} · {s.WallMs.ToString(CultureInfo.InvariantCulture)} ms";
    }

    public static string Description(Snippet s)
    {
        var output = s.Stdout.Length > 0 ? s.Stdout : s.Stderr;
        if (output.Length == 0)
        {
            return "No output.";
        }

        var lines = Plain(output).Split('\n', StringSplitOptions.RemoveEmptyEntries).Take(MaxLines + 1).ToList();
        var text = string.Join('\n', lines.Take(MaxLines));
        var cut = text.Length > MaxChars || lines.Count > MaxLines;
        if (text.Length > MaxChars)
        {
            text = text[..(char.IsHighSurrogate(text[MaxChars - 1]) ? MaxChars - 1 : MaxChars)];
        }

        return cut ? text.TrimEnd() + "…" : text;
    }

    public static string Tags(Snippet s, string permalink)
    {
        var title = Title(s);
        var description = Description(s);
        return new StringBuilder()
            .Append(Meta("property", "og:type", "website"))
            .Append(Meta("property", "og:site_name", "CodeCube"))
            .Append(Meta("property", "og:title", title))
            .Append(Meta("property", "og:description", description))
            .Append(Meta("property", "og:url", permalink))
            .Append(Meta("name", "twitter:card", "summary"))
            .Append(Meta("name", "twitter:title", title))
            .Append(Meta("name", "twitter:description", description))
            .Append(Meta("name", "description", description))
            .ToString();
    }

    private static string Meta(string kind, string name, string content) =>
        $"<meta {kind}=\"{E(name)}\" content=\"{E(content)}\">\n";

    // Escape sequences go whole; other control characters (but newlines and tabs) go too.
    private static string Plain(string text)
    {
        var stripped = AnsiText.Strip(text);
        var builder = new StringBuilder(stripped.Length);
        foreach (var c in stripped)
        {
            if (c == '\n' || c == '\t' || !char.IsControl(c))
            {
                builder.Append(c == '\t' ? ' ' : c);
            }
        }

        return builder.ToString();
    }
}

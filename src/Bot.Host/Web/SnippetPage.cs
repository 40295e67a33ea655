using System.Globalization;
using System.Text;
using CodeCube.Core.Contracts;
using static CodeCube.Host.Web.Html;

namespace CodeCube.Host.Web;

/// <summary><c>GET /s/{id}</c>: a stored run with everything it produced, all of it shown as text.</summary>
internal static class SnippetPage
{
    /// <param name="reportUrl">Web:ReportUrl; "{id}" in it becomes the snippet id. No report link when null.</param>
    public static IResult Render(Snippet s, string? reportUrl = null)
    {
        var exit = s.ExitCode is { } code ? $" (exit {code})" : "";
        var meta = new StringBuilder()
            .Append(Row("Language", $"{E(s.Language)} {E(s.Version)}"))
            .Append(Row("Outcome", $"<span class=\"outcome outcome-{E(s.Outcome.ToWire())}\">{E(s.Outcome.ToWire())}</span>{E(exit)}"))
            .Append(Row("Wall time", E(s.WallMs.ToString(CultureInfo.InvariantCulture) + " ms")))
            .Append(Row("Created", $"<time datetime=\"{E(s.CreatedAt.ToString("O", CultureInfo.InvariantCulture))}\">{E(s.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))} UTC</time>"))
            .Append(Row("Author", $"{E(s.Author.DisplayName)} <span class=\"muted\">({E(s.Author.Platform)})</span>"))
            .Append(Row("Origin", E(DescribeOrigin(s.Origin))));
        if (s.Args.Count > 0)
        {
            meta.Append(Row("Arguments", $"<code>{E(string.Join(' ', s.Args))}</code>"));
        }

        if (s.ParentId is not null)
        {
            meta.Append(Row("Parent", $"<a href=\"/s/{E(s.ParentId)}\">{E(s.ParentId)}</a>"));
        }

        var body = new StringBuilder()
            .Append("<article class=\"snippet\" id=\"snippet\" data-id=\"").Append(E(s.Id)).Append("\">\n")
            .Append("<h1>Snippet <code>").Append(E(s.Id)).Append("</code></h1>\n")
            .Append("<dl class=\"meta\">\n").Append(meta).Append("</dl>\n")
            .Append("<div class=\"actions\">")
            .Append("<button type=\"button\" id=\"run-again\">Run again</button>")
            .Append("<a class=\"button\" id=\"edit\" href=\"/?from=").Append(E(s.Id)).Append("\">Edit as new snippet</a>")
            .Append("<a href=\"/s/").Append(E(s.Id)).Append("/raw\">Raw code</a>")
            .Append(ReportLink(reportUrl, s.Id))
            .Append("<span id=\"status\" class=\"status\" role=\"status\"></span></div>\n")
            .Append(Block("Code", "code", s.Code, $" class=\"code\" data-language=\"{E(s.Language)}\""));
        if (s.Stdin.Length > 0)
        {
            body.Append(Block("Stdin", "stdin", s.Stdin, ""));
        }

        body.Append(Block("Stdout", "stdout", s.Stdout, " class=\"console\""))
            .Append(Block("Stderr", "stderr", s.Stderr, " class=\"console stderr\""));
        if (s.Truncated)
        {
            body.Append("<p class=\"note\">Output was cut at the sandbox's limit.</p>\n");
        }

        if (!string.IsNullOrEmpty(s.Detail))
        {
            body.Append("<p class=\"note\" id=\"detail\">").Append(E(s.Detail)).Append("</p>\n");
        }

        body.Append("</article>\n");
        return Page($"Snippet {s.Id}", body.ToString(), StatusCodes.Status200OK, "highlight.js", "snippet.js");
    }

    private static string ReportLink(string? reportUrl, string id) => string.IsNullOrEmpty(reportUrl)
        ? ""
        : $"<a id=\"report\" rel=\"nofollow noopener\" href=\"{E(WebOptions.ReportLinkFor(reportUrl, id))}\">Report</a>";

    private static string Row(string name, string encodedValue) => $"<dt>{E(name)}</dt><dd>{encodedValue}</dd>\n";

    private static string Block(string title, string id, string text, string attributes) =>
        $"<h2>{E(title)}</h2>\n<pre id=\"{id}\"{attributes}><code>{E(text)}</code></pre>\n";

    private static string DescribeOrigin(SnippetOrigin origin) =>
        string.IsNullOrEmpty(origin.ChannelId) ? origin.Platform : $"{origin.Platform}, channel {origin.ChannelId}";
}

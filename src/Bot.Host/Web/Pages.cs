using System.Globalization;
using System.Text;
using CodeCube.Core.Contracts;
using static CodeCube.Host.Web.Html;

namespace CodeCube.Host.Web;

/// <summary>
/// Every HTML page the site serves, each a template over the one shell, <see cref="Html.Page"/>, with its own
/// script module from /js.
/// </summary>
internal static class Pages
{
    /// <summary><c>GET /</c>: language picker, editor, stdin, Run; output streams in as the program runs.</summary>
    public static IResult Playground(ILanguageRegistry languages)
    {
        var options = new StringBuilder();
        foreach (var group in LanguageKinds.Group(languages.All))
        {
            options.Append("<optgroup label=\"").Append(E(group.Title)).Append("\">\n");
            foreach (var language in group.Languages)
            {
                options.Append("<option value=\"").Append(E(language.Id)).Append("\">")
                    .Append(E(language.Id)).Append(' ').Append(E(language.Version)).Append("</option>\n");
            }

            options.Append("</optgroup>\n");
        }

        var body = $"""
            <form id="run-form" class="playground" autocomplete="off">
            <div class="toolbar">
            <label for="language">Language</label>
            <select id="language" name="language">
            {options}</select>
            <button type="submit" id="run" title="Ctrl+Enter">Run</button>
            <span id="status" class="status" role="status"></span>
            </div>
            <p id="parent-note" class="note" hidden>Editing a copy of <a id="parent-link" href="/">a snippet</a>; the new run links back to it.</p>
            <label for="code">Code</label>
            <div class="editor">
            <pre class="highlight" aria-hidden="true"><code id="code-highlight"></code></pre>
            <textarea id="code" name="code" spellcheck="false" autocapitalize="off" wrap="off" rows="16"></textarea>
            </div>
            <label for="stdin">Stdin</label>
            <textarea id="stdin" name="stdin" spellcheck="false" rows="3"></textarea>
            </form>
            <section class="output" aria-labelledby="output-title">
            <h2 id="output-title">Output</h2>
            <pre id="output" class="console" aria-live="polite"></pre>
            <p id="result" class="result"></p>
            <p id="permalink-line" hidden>Permalink: <a id="permalink" href="/"></a></p>
            </section>

            """;
        return Page("Playground", body, "playground.js");
    }

    /// <summary><c>GET /s/{id}</c>: a stored run with everything it produced, all of it shown as text.</summary>
    /// <param name="reportUrl">Web:ReportUrl; "{id}" in it becomes the snippet id. No report link when null.</param>
    public static IResult Snippet(Snippet s, string? reportUrl = null)
    {
        var exit = s.ExitCode is { } code ? $" (exit {code})" : "";
        var meta = new StringBuilder()
            .Append(Row("Language", $"{E(s.Language)} {E(s.Version)}"))
            .Append(Row("Outcome", $"<span class=\"outcome outcome-{E(s.Outcome.ToWire())}\">{E(s.Outcome.ToWire())}</span>{E(exit)}"))
            .Append(Row("Wall time", E(s.WallMs.ToString(CultureInfo.InvariantCulture) + " ms")))
            .Append(Row("Created", $"<time datetime=\"{E(s.CreatedAt.ToString("O", CultureInfo.InvariantCulture))}\">{E(s.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))} UTC</time>"))
            .Append(Row("Author", $"{E(s.Author.DisplayName)} <span class=\"muted\">({E(s.Author.Platform)})</span>"))
            .Append(Row("Origin", E(s.Origin.Platform)));
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
        return Page($"Snippet {s.Id}", body.ToString(), "snippet.js");
    }

    /// <summary>Any unknown page or snippet: a 404 that points back to the playground.</summary>
    public static IResult NotFound(string what) => Page(
        "Not found",
        $"<h1>Not found</h1>\n<p>{E(what)}</p>\n<p><a href=\"/\">Open the playground</a></p>\n",
        statusCode: StatusCodes.Status404NotFound);

    /// <summary>A snippet a moderator removed: 410 Gone, and nothing of what it held.</summary>
    public static IResult Gone() => Page(
        "Removed",
        "<h1>Removed</h1>\n<p>A moderator removed this snippet.</p>\n<p><a href=\"/\">Open the playground</a></p>\n",
        statusCode: StatusCodes.Status410Gone);

    private static string ReportLink(string? reportUrl, string id) => string.IsNullOrEmpty(reportUrl)
        ? ""
        : $"<a id=\"report\" rel=\"nofollow noopener\" href=\"{E(WebOptions.ReportLinkFor(reportUrl, id))}\">Report</a>";

    private static string Row(string name, string encodedValue) => $"<dt>{E(name)}</dt><dd>{encodedValue}</dd>\n";

    private static string Block(string title, string id, string text, string attributes) =>
        $"<h2>{E(title)}</h2>\n<pre id=\"{id}\"{attributes}><code>{E(text)}</code></pre>\n";
}

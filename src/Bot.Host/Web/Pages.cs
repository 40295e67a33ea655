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
    /// <summary>
    /// <c>GET /</c>: language picker (grouped by kind, each option with its version and aliases for the filter),
    /// editor, arguments, stdin, Run; output streams in as the program runs.
    /// </summary>
    public static IResult Playground(ILanguageRegistry languages)
    {
        var body = $"""
            <form id="run-form" class="playground" autocomplete="off">
            <div class="toolbar">
            <label for="language">Language</label>
            <select id="language" name="language">
            {Picker(languages)}</select>
            <label for="language-search" class="visually-hidden">Filter languages</label>
            <input id="language-search" type="search" placeholder="Filter languages" spellcheck="false">
            <button type="submit" id="run" aria-keyshortcuts="Control+Enter Meta+Enter">Run <kbd>Ctrl+Enter</kbd></button>
            <button type="button" id="copy-code">Copy code</button>
            <span id="status" class="status" role="status"></span>
            </div>
            <p id="parent-note" class="note" hidden>Editing a copy of <a id="parent-link" href="/">a snippet</a>; the new run links back to it.</p>
            <div id="editor" class="editor" role="group" aria-label="Code editor"></div>
            <p class="hint">Tab indents; press Escape then Tab to leave the editor. The address bar always links to what you see.</p>
            <div class="fields">
            <div><label for="args">Arguments <span class="muted">(separated by spaces)</span></label>
            <input id="args" name="args" type="text" spellcheck="false" autocapitalize="off"></div>
            <div><label for="stdin">Stdin</label>
            <textarea id="stdin" name="stdin" spellcheck="false" rows="3"></textarea></div>
            </div>
            </form>
            <section class="output" aria-labelledby="output-title">
            <div class="output-head"><h2 id="output-title">Output</h2><button type="button" id="copy-output">Copy output</button></div>
            <p id="result" class="result" role="status"></p>
            <pre id="output" class="console" role="log" tabindex="0" aria-label="Program output"></pre>
            <ul id="problems" class="problems" aria-label="Lines with errors"></ul>
            <p id="permalink-line" hidden>Permalink: <a id="permalink" href="/"></a></p>
            </section>

            """;
        return Page("Playground", body, "playground.js");
    }

    /// <summary><c>GET /s/{id}</c>: a stored run with everything it produced, all of it shown as text.</summary>
    /// <param name="reportUrl">Web:ReportUrl; "{id}" in it becomes the snippet id. No report link when null.</param>
    public static IResult Snippet(Snippet s, string permalink, string? reportUrl = null)
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
            .Append("<a href=\"/s/").Append(E(s.Id)).Append("/download\" download>Download code</a>")
            .Append("<a href=\"/e/").Append(E(s.Id)).Append("\">Embed</a>")
            .Append("<button type=\"button\" id=\"copy-code\">Copy code</button>")
            .Append("<button type=\"button\" id=\"copy-output\">Copy output</button>")
            .Append(ReportLink(reportUrl, s.Id))
            .Append("<span id=\"status\" class=\"status\" role=\"status\"></span></div>\n")
            .Append(CodeBlock(s));
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
        return Page($"Snippet {s.Id}", body.ToString(), "snippet.js", head: LinkPreview.Tags(s, permalink));
    }

    /// <summary>
    /// <c>GET /e/{id}</c>: the code and its output without the site around them, for an iframe on another site (the
    /// only page whose <c>frame-ancestors</c> allows that, see <see cref="SecurityHeaders"/>).
    /// </summary>
    public static IResult Embed(Snippet s, string permalink)
    {
        var body = new StringBuilder()
            .Append("<article class=\"snippet embed\" id=\"snippet\" data-id=\"").Append(E(s.Id)).Append("\">\n")
            .Append("<h1 class=\"embed-title\"><a href=\"").Append(E(permalink)).Append("\" target=\"_blank\" rel=\"noopener\">")
            .Append(E(LinkPreview.Title(s))).Append("</a> <span class=\"muted\">on CodeCube</span></h1>\n")
            .Append(CodeBlock(s))
            .Append(Block("Stdout", "stdout", s.Stdout, " class=\"console\""));
        if (s.Stderr.Length > 0)
        {
            body.Append(Block("Stderr", "stderr", s.Stderr, " class=\"console stderr\""));
        }

        body.Append("</article>\n");
        return Page($"Snippet {s.Id}", body.ToString(), "snippet.js", head: LinkPreview.Tags(s, permalink), chrome: false);
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

    // Grouped as /languages and !langs list them; the aliases ride along so the filter finds "py" as well as "python".
    private static string Picker(ILanguageRegistry languages)
    {
        var html = new StringBuilder();
        foreach (var group in LanguageKinds.Group(languages.All))
        {
            html.Append("<optgroup label=\"").Append(E(group.Title)).Append("\">\n");
            foreach (var language in group.Languages)
            {
                html.Append("<option value=\"").Append(E(language.Id)).Append("\" data-aliases=\"")
                    .Append(E(string.Join(' ', language.Aliases))).Append("\">")
                    .Append(E(language.Id)).Append(' ').Append(E(language.Version)).Append("</option>\n");
            }

            html.Append("</optgroup>\n");
        }

        return html.ToString();
    }

    private static string Row(string name, string encodedValue) => $"<dt>{E(name)}</dt><dd>{encodedValue}</dd>\n";

    private static string Block(string title, string id, string text, string attributes) =>
        $"<h2>{E(title)}</h2>\n<pre id=\"{id}\"{attributes}><code>{E(text)}</code></pre>\n";

    // Server-rendered text that snippet.js moves into a read-only editor; without scripts it is the code as text.
    private static string CodeBlock(Snippet s) =>
        $"<h2>Code</h2>\n<div id=\"code-view\" class=\"editor readonly\"></div>\n" +
        $"<pre id=\"code\" class=\"code\" data-language=\"{E(s.Language)}\"><code>{E(s.Code)}</code></pre>\n";
}

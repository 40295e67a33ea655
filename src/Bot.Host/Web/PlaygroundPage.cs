using System.Text;
using CodeCube.Core.Contracts;
using static CodeCube.Host.Web.Html;

namespace CodeCube.Host.Web;

/// <summary><c>GET /</c>: language picker, editor, stdin, Run; output streams in as the program runs.</summary>
internal static class PlaygroundPage
{
    public static IResult Render(ILanguageRegistry languages)
    {
        var options = new StringBuilder();
        foreach (var language in languages.All.OrderBy(l => l.Id, StringComparer.Ordinal))
        {
            options.Append("<option value=\"").Append(E(language.Id)).Append("\">")
                .Append(E(language.Id)).Append(' ').Append(E(language.Version)).Append("</option>\n");
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
        return Page("Playground", body, StatusCodes.Status200OK, "highlight.js", "playground.js");
    }
}

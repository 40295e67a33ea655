using System.Text;
using CodeCube.Core.Contracts;
using static CodeCube.Host.Web.Html;

namespace CodeCube.Host.Web;

/// <summary><c>GET /languages</c>: every language by kind, with aliases, version, compiled or not, and notes.</summary>
internal static class LanguagesPage
{
    public static IResult Render(ILanguageRegistry languages)
    {
        var body = new StringBuilder();
        body.Append("<h1>Languages</h1>\n<p>").Append(languages.All.Count)
            .Append(" languages. Name one after <code>!run</code> by id or alias, or pick it in the ")
            .Append("<a href=\"/\">playground</a>. Also as JSON: <a href=\"/api/v1/languages\">/api/v1/languages</a>.</p>\n");
        foreach (var group in LanguageKinds.Group(languages.All))
        {
            // On a phone the table scrolls inside its own focusable region instead of widening the page.
            var heading = "kind-" + group.Kind;
            body.Append("<h2 id=\"").Append(E(heading)).Append("\">").Append(E(group.Title)).Append("</h2>\n")
                .Append("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"").Append(E(heading)).Append("\">\n")
                .Append("<table class=\"languages\">\n<thead><tr><th>id</th><th>aliases</th><th>version</th>")
                .Append("<th>compiled</th><th>notes</th></tr></thead>\n<tbody>\n");
            foreach (var language in group.Languages)
            {
                body.Append("<tr id=\"").Append(E(language.Id)).Append("\"><td><code>").Append(E(language.Id))
                    .Append("</code></td><td>").Append(E(string.Join(", ", language.Aliases)))
                    .Append("</td><td>").Append(E(language.Version))
                    .Append("</td><td>").Append(language.Compiled ? "yes" : "no")
                    .Append("</td><td>").Append(E(Notes(language))).Append("</td></tr>\n");
            }

            body.Append("</tbody>\n</table>\n</div>\n");
        }

        return Page("Languages", body.ToString());
    }

    private static string Notes(LanguageInfo language)
    {
        var parts = new List<string>();
        if (language.Libraries is { Count: > 0 } libraries)
        {
            parts.Add("with " + string.Join(", ", libraries));
        }

        if (!string.IsNullOrEmpty(language.Notes))
        {
            parts.Add(language.Notes);
        }

        return string.Join("; ", parts);
    }
}

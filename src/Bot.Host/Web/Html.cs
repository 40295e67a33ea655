using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace CodeCube.Host.Web;

/// <summary>
/// The page shell. Every value that reaches HTML goes through <see cref="E"/>; templates only concatenate
/// encoded values into constant markup, and a page loads one script, an ES module from /js that imports what it
/// shares with the other pages (the CSP forbids inline code).
/// </summary>
internal static class Html
{
    // Keeps non-ASCII text readable in the page source while still encoding &, <, >, quotes and the rest.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string E(string? value) => Encoder.Encode(value ?? "");

    public static IResult Page(
        string title, string body, string? module = null, int statusCode = StatusCodes.Status200OK, string? head = null, bool chrome = true)
    {
        var top = new StringBuilder(1024);
        top.Append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(E(title)).Append(" · CodeCube</title>\n")
            .Append("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">\n")
            .Append("<link rel=\"stylesheet\" href=\"/css/site.css\">\n")
            .Append(head);
        var html = new StringBuilder(body.Length + 512);
        if (module is not null)
        {
            html.Append("<script src=\"/js/").Append(E(module)).Append("\" type=\"module\"></script>\n");
        }

        html.Append("</head>\n<body>\n");
        if (chrome)
        {
            html.Append("<header class=\"top\"><a class=\"brand\" href=\"/\">CodeCube</a>")
                .Append("<span class=\"tagline\">run code in a throwaway container</span></header>\n");
        }

        html.Append("<main>\n")
            .Append(body)
            .Append("</main>\n</body>\n</html>\n");
        return new PageResult(top.ToString(), html.ToString(), statusCode, WithNonce: module is not null);
    }

    /// <summary>
    /// A page whose scripts may add styles gets this response's <see cref="CspNonce"/> in a meta tag (in its
    /// <c>nonce</c> attribute, which the browser hides from CSS selectors and <c>getAttribute</c>); a page without
    /// scripts gets no nonce and its policy admits no inline style at all.
    /// </summary>
    private sealed record PageResult(string Top, string Rest, int StatusCode, bool WithNonce) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var nonce = WithNonce ? $"<meta name=\"csp-nonce\" nonce=\"{CspNonce.For(httpContext)}\">\n" : "";
            return Results.Content(Top + nonce + Rest, "text/html; charset=utf-8", Encoding.UTF8, StatusCode)
                .ExecuteAsync(httpContext);
        }
    }
}

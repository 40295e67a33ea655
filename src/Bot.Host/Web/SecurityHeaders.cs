namespace CodeCube.Host.Web;

/// <summary>
/// Strict headers on every response: scripts only from this origin (no inline code), styles from this origin plus the
/// &lt;style&gt; elements that carry the page's <see cref="CspNonce"/>, no framing, no MIME sniffing, no referrer. Set in OnStarting so error pages written later get them too. The one exception is
/// the embed view <c>/e/{id}</c>, which any site may put in an iframe: it shows only what the public permalink shows
/// and has no action a framing page could trick a visitor into.
/// </summary>
internal static class SecurityHeaders
{
    public static string PolicyFor(PathString path, string? styleNonce = null) =>
        "default-src 'self'; script-src 'self'; " +
        (styleNonce is null ? "style-src 'self'; " : $"style-src 'self' 'nonce-{styleNonce}'; ") +
        "img-src 'self'; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; " +
        (IsEmbed(path) ? "frame-ancestors *" : "frame-ancestors 'none'");

    private static bool IsEmbed(PathString path) => path.StartsWithSegments("/e", StringComparison.Ordinal);

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = PolicyFor(http.Request.Path, CspNonce.Existing(http));
            headers.XContentTypeOptions = "nosniff";
            if (!IsEmbed(http.Request.Path))
            {
                headers.XFrameOptions = "DENY";
            }

            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Cross-Origin-Resource-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(http);
    });
}

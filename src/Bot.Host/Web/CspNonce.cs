using System.Security.Cryptography;

namespace CodeCube.Host.Web;

/// <summary>
/// One random nonce per HTML response, made when a page is written and named in that response's
/// <c>style-src</c>. CodeMirror writes its styles into &lt;style&gt; elements; it stamps them with the nonce it reads
/// from the page's <c>&lt;meta name="csp-nonce"&gt;</c>, so the policy admits exactly those and still refuses any
/// other inline style (and every inline script: script-src takes no nonce).
/// </summary>
internal static class CspNonce
{
    private static readonly object Key = new();

    /// <summary>The response's nonce, made on first use.</summary>
    public static string For(HttpContext http)
    {
        if (http.Items[Key] is string nonce)
        {
            return nonce;
        }

        nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        http.Items[Key] = nonce;
        return nonce;
    }

    /// <summary>The nonce when a page made one; responses that carry no page get none.</summary>
    public static string? Existing(HttpContext http) => http.Items[Key] as string;
}

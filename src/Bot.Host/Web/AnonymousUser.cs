using System.Security.Cryptography;
using System.Text;
using CodeCube.Core.Contracts;

namespace CodeCube.Host.Web;

/// <summary>
/// Web runs are authored by a random per-browser id kept in a cookie: enough to group one visitor's snippets,
/// never a login. The id says nothing about the person.
/// </summary>
public static class AnonymousUser
{
    public const string CookieName = "codecube_uid";

    public static SnippetAuthor AuthorFor(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var id = http.Request.Cookies[CookieName];
        if (!SnippetId.IsValid(id))
        {
            id = SnippetId.New();
            http.Response.Cookies.Append(CookieName, id, new CookieOptions
            {
                HttpOnly = true,
                Secure = http.Request.IsHttps,
                SameSite = SameSiteMode.Strict,
                MaxAge = TimeSpan.FromDays(365),
                Path = "/",
                IsEssential = true,
            });
        }

        return new SnippetAuthor("web", PublicId(id!), "anonymous");
    }

    /// <summary>
    /// The id stored with snippets (and so shown by the API) is a hash of the cookie, so reading a snippet never
    /// hands out the cookie that would let someone act as its author.
    /// </summary>
    public static string PublicId(string cookie) =>
        "anon-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(cookie)))[..16];

    public static SnippetOrigin Origin { get; } = new("web", "", "");
}

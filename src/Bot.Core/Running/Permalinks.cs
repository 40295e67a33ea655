using System.ComponentModel.DataAnnotations;
using CodeCube.Core.Contracts;
using Microsoft.Extensions.Options;

namespace CodeCube.Core.Running;

public sealed class PermalinkOptions
{
    /// <summary>Public base URL of the web endpoint, e.g. https://codecube.example.org.</summary>
    [Required, Url]
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:8080";
}

/// <summary>Permalinks look like {PublicBaseUrl}/s/{id}.</summary>
public sealed class Permalinks(IOptions<PermalinkOptions> options) : IPermalinks
{
    private string Base => options.Value.PublicBaseUrl.TrimEnd('/');

    public string For(string snippetId) => $"{Base}/s/{snippetId}";

    public string LanguagesPage => $"{Base}/languages";

    public string? TryParse(string text)
    {
        var candidate = text.Trim().TrimEnd('/');
        if (candidate.EndsWith("/raw", StringComparison.Ordinal))
        {
            candidate = candidate[..^4];
        }

        var slash = candidate.LastIndexOf("/s/", StringComparison.Ordinal);
        if (slash >= 0)
        {
            candidate = candidate[(slash + 3)..];
        }
        else if (candidate.Contains('/', StringComparison.Ordinal))
        {
            return null;
        }

        return SnippetId.IsValid(candidate) ? candidate : null;
    }
}

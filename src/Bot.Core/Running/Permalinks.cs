using System.ComponentModel.DataAnnotations;
using CodeCube.Core.Contracts;
using CodeCube.Core.Options;
using Microsoft.Extensions.Options;

namespace CodeCube.Core.Running;

/// <summary>Where permalinks point, bound from "Web" (the web endpoint serves them).</summary>
public sealed class PermalinkOptions
{
    public const string Section = "Web";

    /// <summary>Public base URL of the web endpoint, e.g. https://codecube.example.org.</summary>
    [Required(ErrorMessage = "{0} is required (the public address of the web playground).")]
    [AbsoluteUri("http", "https")]
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:8080";
}

[OptionsValidator]
internal sealed partial class PermalinkOptionsValidator : IValidateOptions<PermalinkOptions>;

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

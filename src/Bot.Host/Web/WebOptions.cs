using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace CodeCube.Host.Web;

/// <summary>
/// The "Web" configuration section. Web:PublicBaseUrl belongs to the permalinks (PermalinkOptions); code and stdin
/// sizes to the shared InputLimitsOptions.
/// </summary>
public sealed class WebOptions : IValidatableObject
{
    public const string Section = "Web";

    /// <summary>Largest request body the API reads; anything bigger is refused with 413 before parsing.</summary>
    [Range(4 * 1024, 16 * 1024 * 1024)]
    public int MaxRequestBytes { get; set; } = 1024 * 1024;

    /// <summary>Most command-line arguments a web run may pass.</summary>
    [Range(0, 256)]
    public int MaxArgs { get; set; } = 32;

    /// <summary>Largest single command-line argument of a web run, in UTF-8 bytes.</summary>
    [Range(1, 64 * 1024)]
    public int MaxArgBytes { get; set; } = 1024;

    /// <summary>Largest sum of all command-line arguments of a web run, in UTF-8 bytes.</summary>
    [Range(1, 1024 * 1024)]
    public int MaxArgsTotalBytes { get; set; } = 8 * 1024;

    /// <summary>
    /// Reverse proxies (IP addresses) whose X-Forwarded-For / X-Forwarded-Proto are believed. Empty: the headers
    /// are ignored and the connection's address is the client (never trust them from just anyone).
    /// </summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>
    /// Where the "Report" link on snippet pages points (http(s) or mailto); "{id}" is replaced by the snippet id,
    /// otherwise the id is added as the <c>snippet</c> query parameter. Unset: no report link.
    /// </summary>
    [CustomValidation(typeof(WebOptions), nameof(ValidateReportUrl))]
    public string? ReportUrl { get; set; }

    public static ValidationResult? ValidateReportUrl(string? value) =>
        string.IsNullOrEmpty(value)
        || (Uri.TryCreate(value.Replace("{id}", "x", StringComparison.Ordinal), UriKind.Absolute, out var uri)
            && uri.Scheme is "http" or "https" or "mailto")
            ? ValidationResult.Success
            : new ValidationResult("Web:ReportUrl must be an absolute http(s) or mailto: URL.", [nameof(ReportUrl)]);

    public static string ReportLinkFor(string reportUrl, string snippetId)
    {
        ArgumentNullException.ThrowIfNull(reportUrl);
        var id = Uri.EscapeDataString(snippetId);
        if (reportUrl.Contains("{id}", StringComparison.Ordinal))
        {
            return reportUrl.Replace("{id}", id, StringComparison.Ordinal);
        }

        return reportUrl + (reportUrl.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "snippet=" + id;
    }

    /// <summary>Runs one client address may start per minute through the web and API (0 = unlimited).</summary>
    [Range(0, 100_000)]
    public int RunsPerMinutePerClient { get; set; } = 30;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (KnownProxies.Any(p => !System.Net.IPAddress.TryParse(p, out _)))
        {
            yield return new ValidationResult($"{Section}:KnownProxies must list IP addresses, e.g. [\"10.0.0.2\"].");
        }
    }
}

[OptionsValidator]
internal sealed partial class WebOptionsValidator : IValidateOptions<WebOptions>;

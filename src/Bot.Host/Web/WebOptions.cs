using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace CodeCube.Host.Web;

/// <summary>
/// The "Web" configuration section. Web:PublicBaseUrl belongs to the permalinks (PermalinkOptions); code and stdin
/// sizes to the shared InputLimitsOptions.
/// </summary>
public sealed class WebOptions
{
    public const string Section = "Web";

    /// <summary>Largest request body the API reads; anything bigger is refused with 413 before parsing.</summary>
    [Range(4 * 1024, 16 * 1024 * 1024)]
    public int MaxRequestBytes { get; set; } = 1024 * 1024;

    /// <summary>Most command-line arguments a web run may pass.</summary>
    [Range(0, 256)]
    public int MaxArgs { get; set; } = 32;

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
}

[OptionsValidator]
internal sealed partial class WebOptionsValidator : IValidateOptions<WebOptions>;

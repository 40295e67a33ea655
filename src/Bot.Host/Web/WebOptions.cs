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

    /// <summary>Runs one client address may start per minute through the web and API (0 = unlimited).</summary>
    [Range(0, 100_000)]
    public int RunsPerMinutePerClient { get; set; } = 30;
}

[OptionsValidator]
internal sealed partial class WebOptionsValidator : IValidateOptions<WebOptions>;

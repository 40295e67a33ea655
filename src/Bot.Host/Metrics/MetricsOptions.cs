using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace CodeCube.Host.Metrics;

/// <summary>The "Metrics" configuration section.</summary>
public sealed class MetricsOptions : IValidatableObject
{
    public const string Section = "Metrics";

    /// <summary>
    /// Where <c>/metrics</c> is served, ';'-separated, each with an explicit port; never the public web port.
    /// Empty turns the listener off (OTLP export, when configured, still works).
    /// </summary>
    public string Urls { get; set; } = "http://127.0.0.1:9464";

    /// <summary>How often Redis and Docker health is sampled for the <c>codecube.health</c> gauge.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan HealthInterval { get; set; } = TimeSpan.FromSeconds(15);

    public IReadOnlyList<Uri> Listeners() =>
        Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(u => new Uri(u, UriKind.Absolute))
            .ToList();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        Problem(publicUrls: null) is { } problem ? [new ValidationResult(problem)] : [];

    /// <summary>
    /// Null when the listener URLs are usable (and share no port with <paramref name="publicUrls"/>); otherwise the
    /// message naming the key.
    /// </summary>
    public string? Problem(string? publicUrls)
    {
        var publicPorts = (publicUrls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(u => Uri.TryCreate(u.Replace("*", "localhost", StringComparison.Ordinal).Replace("+", "localhost", StringComparison.Ordinal), UriKind.Absolute, out var uri) ? uri.Port : -1)
            .ToHashSet();
        foreach (var url in Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp
                || uri.AbsolutePath != "/" || !url.Contains($":{uri.Port}", StringComparison.Ordinal) || uri.Port == 0)
            {
                return $"Metrics:Urls entry '{url}' must be an http URL with an explicit, fixed port, such as http://127.0.0.1:9464.";
            }

            if (publicPorts.Contains(uri.Port))
            {
                return $"Metrics:Urls port {uri.Port} is also a public port (Urls); /metrics must have a listener of its own.";
            }
        }

        return null;
    }
}

[OptionsValidator]
internal sealed partial class MetricsOptionsValidator : IValidateOptions<MetricsOptions>;

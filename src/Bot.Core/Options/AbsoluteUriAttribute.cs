using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace CodeCube.Core.Options;

/// <summary>
/// A string or <see cref="Uri"/> that is an absolute URI with one of the given schemes (any scheme when none is
/// given). Empty passes: combine with <see cref="RequiredAttribute"/> when the key must be set.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class AbsoluteUriAttribute(params string[] schemes) : ValidationAttribute
{
    public IReadOnlyList<string> Schemes { get; } = schemes;

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        ArgumentNullException.ThrowIfNull(validationContext);
        var valid = value switch
        {
            null or "" => true,
            Uri given => Allowed(given),
            string text => Uri.TryCreate(text, UriKind.Absolute, out var parsed) && Allowed(parsed),
            _ => false,
        };
        if (valid)
        {
            return ValidationResult.Success;
        }

        var got = value?.ToString() ?? "";
        return new ValidationResult(string.Format(CultureInfo.InvariantCulture, "{0}, not '{1}'.",
            FormatErrorMessage(validationContext.DisplayName), got.Length <= 80 ? got : got[..80] + "…"));
    }

    private bool Allowed(Uri uri) =>
        uri.IsAbsoluteUri && (Schemes.Count == 0 || Schemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase));

    public override string FormatErrorMessage(string name) => $"{name} must be an absolute {Kind()}";

    // "http(s) URL" for http + https, "URI" for any scheme.
    private string Kind() => Schemes switch
    {
        [] => "URI",
        [var plain, var secure] when secure == plain + "s" => plain + "(s) URL",
        _ => string.Join(" or ", Schemes) + " URL",
    };
}

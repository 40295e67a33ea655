using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CodeCube.Core.Options;

/// <summary>
/// A list of strings each matching <paramref name="pattern"/> (host names, ids); with <paramref name="minCount"/>
/// the list must also hold at least that many.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class EachMatchesAttribute(string pattern, string what, int minCount = 0) : ValidationAttribute
{
    /// <summary>Host names and IP addresses as configuration gives them.</summary>
    public const string HostName = @"^[A-Za-z0-9]([A-Za-z0-9.:-]*[A-Za-z0-9])?$";

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        ArgumentNullException.ThrowIfNull(validationContext);
        var items = value as IEnumerable<string> ?? [];
        var list = items.ToList();
        if (list.Count < minCount)
        {
            return new ValidationResult(string.Format(CultureInfo.InvariantCulture, "{0} must list at least {1} {2}.",
                validationContext.DisplayName, minCount, what));
        }

        var bad = list.FirstOrDefault(i => i is null || !Regex.IsMatch(i, pattern, RegexOptions.None, TimeSpan.FromSeconds(1)));
        return list.Count == 0 || bad is null && list.All(i => i is not null)
            ? ValidationResult.Success
            : new ValidationResult(string.Format(CultureInfo.InvariantCulture, "{0} must hold only {1}, not '{2}'.",
                validationContext.DisplayName, what, bad));
    }
}

using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace CodeCube.Host.Admin;

/// <summary>The "Admin" configuration section. The token comes from the environment only (Admin__Token).</summary>
public sealed class AdminOptions : IValidatableObject
{
    public const string Section = "Admin";

    public const int MinTokenLength = 32;

    /// <summary>Bearer token for the moderation API; unset turns every admin endpoint off (404).</summary>
    public string? Token { get; set; }

    /// <summary>Admin calls one client address may make per minute, wrong tokens included.</summary>
    [Range(1, 10_000)]
    public int CallsPerMinute { get; set; } = 30;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        TokenProblems().Select(p => new ValidationResult(p));

    /// <summary>Everything wrong with the token, its source in <paramref name="configuration"/> included.</summary>
    public static IEnumerable<string> Problems(AdminOptions options, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.TokenProblems().Concat(SourceProblems(options, configuration));
    }

    /// <summary>A token in a settings file ends up in a commit or an image layer.</summary>
    public static IEnumerable<string> SourceProblems(AdminOptions options, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrEmpty(options.Token) && configuration is IConfigurationRoot root
            && root.Providers.Any(p => p is FileConfigurationProvider && p.TryGet("Admin:Token", out _)))
        {
            yield return "Admin:Token must come from the environment (Admin__Token), never from a settings file.";
        }
    }

    private IEnumerable<string> TokenProblems()
    {
        if (Token is { Length: > 0 } token && (token.Length < MinTokenLength || token.Any(char.IsWhiteSpace)))
        {
            yield return $"Admin:Token must be at least {MinTokenLength} characters without spaces (e.g. openssl rand -hex 32).";
        }
    }
}

[OptionsValidator]
internal sealed partial class AdminOptionsValidator : IValidateOptions<AdminOptions>;

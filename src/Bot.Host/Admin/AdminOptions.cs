namespace CodeCube.Host.Admin;

/// <summary>The "Admin" configuration section. The token comes from the environment only (Admin__Token).</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    public const int MinTokenLength = 32;

    /// <summary>Bearer token for the moderation API; unset turns every admin endpoint off (404).</summary>
    public string? Token { get; set; }

    /// <summary>Admin calls one client address may make per minute, wrong tokens included.</summary>
    public int CallsPerMinute { get; set; } = 30;

    public bool Enabled => !string.IsNullOrEmpty(Token);

    /// <summary>What is wrong with the section, each message naming its key; empty when it is fine.</summary>
    public static IEnumerable<string> Problems(AdminOptions options, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Token is { Length: > 0 } token)
        {
            if (token.Length < MinTokenLength || token.Any(char.IsWhiteSpace))
            {
                yield return $"Admin:Token must be at least {MinTokenLength} characters without spaces (e.g. openssl rand -hex 32).";
            }

            // A token in a settings file ends up in a commit or an image layer.
            if (configuration is IConfigurationRoot root
                && root.Providers.Any(p => p is FileConfigurationProvider && p.TryGet("Admin:Token", out _)))
            {
                yield return "Admin:Token must come from the environment (Admin__Token), never from a settings file.";
            }
        }

        if (options.CallsPerMinute is < 1 or > 10_000)
        {
            yield return "Admin:CallsPerMinute must be between 1 and 10000.";
        }
    }
}

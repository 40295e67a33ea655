using Microsoft.Extensions.Options;

namespace CodeCube.Adapters.Irc;

/// <summary>Configuration section "Irc". Secrets (SaslPassword) come from the environment: Irc__SaslPassword.</summary>
public sealed class IrcOptions
{
    public const string SectionName = "Irc";

    public string Server { get; set; } = string.Empty;

    /// <summary>0 picks 6697 with TLS and 6667 without.</summary>
    public int Port { get; set; }

    public bool UseTls { get; set; } = true;

    /// <summary>SHA-256 of a self-signed server certificate to accept (hex, colons optional).</summary>
    public string? AcceptFingerprint { get; set; }

    public string Nick { get; set; } = "codecube";

    public List<string> AltNicks { get; set; } = [];

    public string User { get; set; } = "codecube";

    public string RealName { get; set; } = "CodeCube code runner";

    public string? SaslUser { get; set; }

    public string? SaslPassword { get; set; }

    public List<IrcChannelOptions> Channels { get; set; } = [];

    /// <summary>Output lines per reply; the permalink line comes on top.</summary>
    public int MaxLinesPerReply { get; set; } = 3;

    public int FloodBurst { get; set; } = 5;

    public int FloodIntervalMs { get; set; } = 2000;

    /// <summary>Silence after which we PING the server.</summary>
    public int PingIntervalSeconds { get; set; } = 90;

    /// <summary>How long the PING may go unanswered before the link counts as dead.</summary>
    public int PingTimeoutSeconds { get; set; } = 30;

    public int ReconnectMinDelayMs { get; set; } = 1000;

    public int ReconnectMaxDelayMs { get; set; } = 60_000;

    /// <summary>How long a reply waits for its channel to be (re)joined before it is sent anyway.</summary>
    public int JoinWaitSeconds { get; set; } = 10;

    public string VersionReply { get; set; } = "CodeCube";

    public int EffectivePort => Port != 0 ? Port : UseTls ? 6697 : 6667;

    public bool UsesSasl => !string.IsNullOrEmpty(SaslPassword);
}

public sealed class IrcChannelOptions
{
    public string Name { get; set; } = string.Empty;

    public string? Key { get; set; }
}

/// <summary>Fails start-up with every problem at once rather than connecting with a half-usable configuration.</summary>
public sealed class IrcOptionsValidator : IValidateOptions<IrcOptions>
{
    public ValidateOptionsResult Validate(string? name, IrcOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Server) || !IsToken(options.Server))
        {
            errors.Add("Irc:Server must be a host name.");
        }
        if (options.Port is < 0 or > 65535)
        {
            errors.Add("Irc:Port must be between 1 and 65535 (0 = default).");
        }
        foreach (var nick in options.AltNicks.Prepend(options.Nick))
        {
            if (!IsNick(nick))
            {
                errors.Add($"Irc nick '{nick}' is not a valid nickname.");
            }
        }
        if (!IsToken(options.User) || options.User.Contains('@'))
        {
            errors.Add("Irc:User must be one word without '@'.");
        }
        if (string.IsNullOrEmpty(options.RealName) || !IsText(options.RealName))
        {
            errors.Add("Irc:RealName must be non-empty text without control characters.");
        }
        if (options.UsesSasl && string.IsNullOrEmpty(options.SaslUser))
        {
            errors.Add("Irc:SaslUser is required when Irc:SaslPassword is set.");
        }
        if (!string.IsNullOrEmpty(options.SaslUser) && !options.UsesSasl)
        {
            errors.Add("Irc:SaslPassword is required when Irc:SaslUser is set (use the environment: Irc__SaslPassword).");
        }
        if (options.AcceptFingerprint is { } fp && Fingerprint.Normalize(fp) is null)
        {
            errors.Add("Irc:AcceptFingerprint must be a SHA-256 hex fingerprint (64 hex digits, colons optional).");
        }
        foreach (var channel in options.Channels)
        {
            if (!IsChannel(channel.Name))
            {
                errors.Add($"Irc channel '{channel.Name}' must start with # or & and contain no spaces, commas or controls.");
            }
            if (channel.Key is { Length: > 0 } key && (!IsToken(key) || key.Contains(',')))
            {
                errors.Add($"Irc channel key for '{channel.Name}' must be one word without commas.");
            }
        }
        if (options.MaxLinesPerReply is < 1 or > 50)
        {
            errors.Add("Irc:MaxLinesPerReply must be between 1 and 50.");
        }
        if (options.FloodBurst < 1 || options.FloodIntervalMs < 1)
        {
            errors.Add("Irc:FloodBurst and Irc:FloodIntervalMs must be positive.");
        }
        if (options.PingIntervalSeconds < 1 || options.PingTimeoutSeconds < 1)
        {
            errors.Add("Irc:PingIntervalSeconds and Irc:PingTimeoutSeconds must be positive.");
        }
        if (options.ReconnectMinDelayMs < 1 || options.ReconnectMaxDelayMs < options.ReconnectMinDelayMs)
        {
            errors.Add("Irc:ReconnectMinDelayMs must be positive and not above Irc:ReconnectMaxDelayMs.");
        }
        if (!IsText(options.VersionReply))
        {
            errors.Add("Irc:VersionReply must not contain control characters.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    internal static bool IsChannel(string? name) =>
        name is { Length: > 1 and <= 50 } && (name[0] == '#' || name[0] == '&') && IsToken(name) && !name.Contains(',')
        && !name.Contains('\a');

    private static bool IsNick(string? nick) =>
        nick is { Length: > 0 } && IsToken(nick) && !char.IsAsciiDigit(nick[0]) && nick[0] != '-' && nick[0] != '#'
        && nick[0] != '&' && nick.AsSpan().IndexOfAny(",*?!@.") < 0;

    private static bool IsToken(string? value) =>
        value is { Length: > 0 } && value[0] != ':' && !value.Contains(' ') && IsText(value);

    private static bool IsText(string value) => !value.Any(char.IsControl);
}

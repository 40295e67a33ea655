using System.ComponentModel.DataAnnotations;
using CodeCube.Core.Options;
using Microsoft.Extensions.Options;

namespace CodeCube.Adapters.Irc;

/// <summary>
/// Configuration section "Irc". Secrets (SaslPassword) come from the environment: Irc__SaslPassword. Start-up fails
/// with every problem at once rather than connecting with a half-usable configuration.
/// </summary>
public sealed class IrcOptions : IValidatableObject
{
    public const string Section = "Irc";

    public string Server { get; set; } = string.Empty;

    /// <summary>0 picks 6697 with TLS and 6667 without.</summary>
    [Range(0, 65535, ErrorMessage = "{0} must be between 1 and 65535 (0 picks 6697 with TLS, 6667 without).")]
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
    [Range(1, 50)]
    public int MaxLinesPerReply { get; set; } = 3;

    /// <summary>Lines sent back to back before the flood limiter spaces them out.</summary>
    [Range(1, 1000)]
    public int FloodBurst { get; set; } = 5;

    /// <summary>One more line may be sent per interval once the burst is used up.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan FloodInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Silence after which we PING the server.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan PingInterval { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>How long the PING (and a connection attempt) may go unanswered before the link counts as dead.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan PingTimeout { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan ReconnectMinDelay { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a reply waits for its channel to be (re)joined before it is sent anyway.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan JoinWait { get; set; } = TimeSpan.FromSeconds(10);

    public string VersionReply { get; set; } = "CodeCube";

    public int EffectivePort => Port != 0 ? Port : UseTls ? 6697 : 6667;

    public bool UsesSasl => !string.IsNullOrEmpty(SaslPassword);

    /// <summary>Keys that used to hold whole seconds or milliseconds.</summary>
    public static readonly IReadOnlyList<RenamedKey> RenamedKeys =
    [
        new($"{Section}:FloodIntervalMs", $"{Section}:{nameof(FloodInterval)}", OldUnit.Milliseconds),
        new($"{Section}:PingIntervalSeconds", $"{Section}:{nameof(PingInterval)}", OldUnit.Seconds),
        new($"{Section}:PingTimeoutSeconds", $"{Section}:{nameof(PingTimeout)}", OldUnit.Seconds),
        new($"{Section}:ReconnectMinDelayMs", $"{Section}:{nameof(ReconnectMinDelay)}", OldUnit.Milliseconds),
        new($"{Section}:ReconnectMaxDelayMs", $"{Section}:{nameof(ReconnectMaxDelay)}", OldUnit.Milliseconds),
        new($"{Section}:JoinWaitSeconds", $"{Section}:{nameof(JoinWait)}", OldUnit.Seconds),
    ];

    /// <summary>What single-attribute checks cannot say: IRC's word rules, and keys that only make sense together.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        const string S = Section;
        if (!IsToken(Server))
        {
            yield return Error($"{S}:Server must be a host name.");
        }
        if (!IsNick(Nick))
        {
            yield return Error($"{S}:Nick '{Nick}' is not a valid nickname.");
        }
        for (var i = 0; i < AltNicks.Count; i++)
        {
            if (!IsNick(AltNicks[i]))
            {
                yield return Error($"{S}:AltNicks:{i} '{AltNicks[i]}' is not a valid nickname.");
            }
        }
        if (!IsToken(User) || User.Contains('@'))
        {
            yield return Error($"{S}:User must be one word without '@'.");
        }
        if (string.IsNullOrEmpty(RealName) || !IsText(RealName))
        {
            yield return Error($"{S}:RealName must be non-empty text without control characters.");
        }
        if (UsesSasl && string.IsNullOrEmpty(SaslUser))
        {
            yield return Error($"{S}:SaslUser is required when {S}:SaslPassword is set.");
        }
        if (!string.IsNullOrEmpty(SaslUser) && !UsesSasl)
        {
            yield return Error($"{S}:SaslPassword is required when {S}:SaslUser is set (use the environment: Irc__SaslPassword).");
        }
        if (AcceptFingerprint is { } fp && Fingerprint.Normalize(fp) is null)
        {
            yield return Error($"{S}:AcceptFingerprint must be a SHA-256 hex fingerprint (64 hex digits, colons optional).");
        }
        for (var i = 0; i < Channels.Count; i++)
        {
            var channel = Channels[i];
            if (!IsChannel(channel.Name))
            {
                yield return Error($"{S}:Channels:{i}:Name '{channel.Name}' must start with # or & and contain no spaces, commas or controls.");
            }
            if (channel.Key is { Length: > 0 } key && (!IsToken(key) || key.Contains(',')))
            {
                yield return Error($"{S}:Channels:{i}:Key for '{channel.Name}' must be one word without commas.");
            }
        }
        if (ReconnectMaxDelay < ReconnectMinDelay)
        {
            yield return Error($"{S}:ReconnectMinDelay must not be above {S}:ReconnectMaxDelay.");
        }
        if (!IsText(VersionReply))
        {
            yield return Error($"{S}:VersionReply must not contain control characters.");
        }
    }

    private static bool IsChannel(string? name) =>
        name is { Length: > 1 and <= 50 } && (name[0] == '#' || name[0] == '&') && IsToken(name) && !name.Contains(',')
        && !name.Contains('\a');

    private static bool IsNick(string? nick) =>
        nick is { Length: > 0 } && IsToken(nick) && !char.IsAsciiDigit(nick[0]) && nick[0] != '-' && nick[0] != '#'
        && nick[0] != '&' && nick.AsSpan().IndexOfAny(",*?!@.") < 0;

    private static bool IsToken(string? value) =>
        value is { Length: > 0 } && value[0] != ':' && !value.Contains(' ') && IsText(value);

    private static bool IsText(string? value) => value is not null && !value.Any(char.IsControl);

    // No member names: the message already names the key, and the validator then adds no "Member: " prefix.
    private static ValidationResult Error(string message) => new(message);
}

public sealed class IrcChannelOptions
{
    public string Name { get; set; } = string.Empty;

    public string? Key { get; set; }
}

[OptionsValidator]
internal sealed partial class IrcOptionsValidator : IValidateOptions<IrcOptions>;

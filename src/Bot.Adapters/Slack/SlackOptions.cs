using System.ComponentModel.DataAnnotations;
using CodeCube.Core.Options;
using Microsoft.Extensions.Options;

namespace CodeCube.Adapters.Slack;

/// <summary>How Slack delivers events to us.</summary>
public enum SlackMode
{
    /// <summary>We open a WebSocket to Slack (needs the app-level token); no public URL needed.</summary>
    SocketMode,
    /// <summary>Slack POSTs events to our /slack/events endpoint (needs the signing secret).</summary>
    EventsApi,
}

/// <summary>Configuration section "Slack"; secrets come from the environment (Slack__BotToken, ...).</summary>
public sealed class SlackOptions : IValidatableObject
{
    public const string Section = "Slack";

    /// <summary>Bot user OAuth token (xoxb-…), sent as Bearer on every Web API call.</summary>
    [RegularExpression("^xoxb-.*", ErrorMessage = "{0} must be a bot token (xoxb-…); set Slack__BotToken.")]
    [Required(ErrorMessage = "{0} must be a bot token (xoxb-…); set Slack__BotToken.")]
    public string BotToken { get; set; } = "";

    /// <summary>App-level token (xapp-…) with connections:write, for apps.connections.open.</summary>
    public string AppToken { get; set; } = "";

    /// <summary>Signing secret that authenticates Events API requests.</summary>
    public string SigningSecret { get; set; } = "";

    [AbsoluteUri("http", "https")]
    public Uri ApiBaseUrl { get; set; } = new("https://slack.com/api");

    public SlackMode Mode { get; set; } = SlackMode.SocketMode;

    /// <summary>Hosts shared files are downloaded from (url_private, with the bot token); never any other.</summary>
    [EachMatches(EachMatchesAttribute.HostName, "host names", minCount: 1)]
    public string[] FileHosts { get; set; } = ["files.slack.com"];

    /// <summary>Hosts an interaction's response_url may point to; anything else is refused, never fetched.</summary>
    [EachMatches(EachMatchesAttribute.HostName, "host names", minCount: 1)]
    public string[] ResponseUrlHosts { get; set; } = ["hooks.slack.com"];

    /// <summary>Which other secret is needed depends on the mode.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Mode == SlackMode.SocketMode && !AppToken.StartsWith("xapp-", StringComparison.Ordinal))
        {
            yield return new ValidationResult(
                $"{Section}:AppToken must be an app-level token (xapp-…) for Socket Mode; set Slack__AppToken.");
        }

        if (Mode == SlackMode.EventsApi && string.IsNullOrWhiteSpace(SigningSecret))
        {
            yield return new ValidationResult(
                $"{Section}:SigningSecret is required for the Events API; set Slack__SigningSecret.");
        }
    }
}

[OptionsValidator]
internal sealed partial class SlackOptionsValidator : IValidateOptions<SlackOptions>;

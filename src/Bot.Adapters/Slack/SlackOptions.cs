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
public sealed class SlackOptions
{
    public const string SectionName = "Slack";

    /// <summary>Bot user OAuth token (xoxb-…), sent as Bearer on every Web API call.</summary>
    public string BotToken { get; set; } = "";

    /// <summary>App-level token (xapp-…) with connections:write, for apps.connections.open.</summary>
    public string AppToken { get; set; } = "";

    /// <summary>Signing secret that authenticates Events API requests.</summary>
    public string SigningSecret { get; set; } = "";

    public Uri ApiBaseUrl { get; set; } = new("https://slack.com/api");

    public SlackMode Mode { get; set; } = SlackMode.SocketMode;

    /// <summary>Hosts shared files are downloaded from (url_private, with the bot token); never any other.</summary>
    public string[] FileHosts { get; set; } = ["files.slack.com"];

    /// <summary>Hosts an interaction's response_url may point to; anything else is refused, never fetched.</summary>
    public string[] ResponseUrlHosts { get; set; } = ["hooks.slack.com"];
}

internal sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        var failures = new List<string>();
        if (!options.BotToken.StartsWith("xoxb-", StringComparison.Ordinal))
        {
            failures.Add("Slack:BotToken must be a bot token (xoxb-…); set Slack__BotToken.");
        }

        if (options.Mode == SlackMode.SocketMode && !options.AppToken.StartsWith("xapp-", StringComparison.Ordinal))
        {
            failures.Add("Slack:AppToken must be an app-level token (xapp-…) for Socket Mode; set Slack__AppToken.");
        }

        if (options.Mode == SlackMode.EventsApi && string.IsNullOrWhiteSpace(options.SigningSecret))
        {
            failures.Add("Slack:SigningSecret is required for the Events API; set Slack__SigningSecret.");
        }

        if (options.FileHosts.Length == 0 || options.FileHosts.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add("Slack:FileHosts must list at least one host name (default files.slack.com).");
        }

        if (options.ResponseUrlHosts.Length == 0 || options.ResponseUrlHosts.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add("Slack:ResponseUrlHosts must list at least one host name (default hooks.slack.com).");
        }

        if (!options.ApiBaseUrl.IsAbsoluteUri || options.ApiBaseUrl.Scheme is not ("https" or "http"))
        {
            failures.Add("Slack:ApiBaseUrl must be an absolute http(s) URL.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

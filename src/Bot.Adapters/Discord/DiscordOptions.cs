namespace CodeCube.Adapters.Discord;

/// <summary>Configuration section "Discord". The token comes from the environment (Discord__Token).</summary>
public sealed class DiscordOptions
{
    public const string SectionName = "Discord";

    /// <summary>The bot token, sent as <c>Authorization: Bot &lt;token&gt;</c> and in IDENTIFY.</summary>
    public string Token { get; set; } = "";

    /// <summary>The application's id for <c>codecube discord-invite</c>; by default read from the token.</summary>
    public string? ApplicationId { get; set; }

    /// <summary>REST base including the API version.</summary>
    public string ApiBaseUrl { get; set; } = "https://discord.com/api/v10";

    /// <summary>When set, skips <c>GET /gateway/bot</c> and connects here (tests point it at loopback).</summary>
    public string? GatewayUrlOverride { get; set; }

    /// <summary>
    /// Ask for the privileged Message Content intent (needed to read <c>!run</c> messages in guilds). When Discord
    /// refuses it (close 4014) the bot reconnects without it and keeps serving /run, "Run code" and mentions.
    /// </summary>
    public bool MessageContent { get; set; } = true;

    /// <summary>
    /// Hosts attachments may be downloaded from (code in a file); URLs come only from the event, and any other
    /// host is refused.
    /// </summary>
    public string[] AttachmentHosts { get; set; } = ["cdn.discordapp.com", "media.discordapp.net"];

    /// <summary>Register the commands in these guilds only (instant updates) instead of globally.</summary>
    public string[] GuildIds { get; set; } = [];

    internal static IEnumerable<string> Validate(DiscordOptions o)
    {
        if (string.IsNullOrWhiteSpace(o.Token))
        {
            yield return "Discord:Token is required (set the environment variable Discord__Token).";
        }

        if (!Uri.TryCreate(o.ApiBaseUrl, UriKind.Absolute, out var api) || (api.Scheme != "https" && api.Scheme != "http"))
        {
            yield return $"Discord:ApiBaseUrl must be an absolute http(s) URL, got '{o.ApiBaseUrl}'.";
        }

        if (o.AttachmentHosts.Length == 0 || o.AttachmentHosts.Any(string.IsNullOrWhiteSpace))
        {
            yield return "Discord:AttachmentHosts must list at least one host name (default Discord's CDN).";
        }

        foreach (var guild in o.GuildIds.Where(g => g.Length == 0 || !g.All(char.IsAsciiDigit)))
        {
            yield return $"Discord:GuildIds must hold guild ids (digits only), got '{guild}'.";
        }

        if (!string.IsNullOrEmpty(o.GatewayUrlOverride)
            && (!Uri.TryCreate(o.GatewayUrlOverride, UriKind.Absolute, out var gw) || (gw.Scheme != "wss" && gw.Scheme != "ws")))
        {
            yield return $"Discord:GatewayUrlOverride must be an absolute ws(s) URL, got '{o.GatewayUrlOverride}'.";
        }
    }
}

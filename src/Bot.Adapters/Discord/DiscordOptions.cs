using System.ComponentModel.DataAnnotations;
using CodeCube.Core.Options;
using Microsoft.Extensions.Options;

namespace CodeCube.Adapters.Discord;

/// <summary>Configuration section "Discord". The token comes from the environment (Discord__Token).</summary>
public sealed class DiscordOptions
{
    public const string Section = "Discord";

    /// <summary>The bot token, sent as <c>Authorization: Bot &lt;token&gt;</c> and in IDENTIFY.</summary>
    [Required(ErrorMessage = "{0} is required (set the environment variable Discord__Token).")]
    public string Token { get; set; } = "";

    /// <summary>The application's id for <c>codecube discord-invite</c>; by default read from the token.</summary>
    [RegularExpression("^[0-9]{1,20}$", ErrorMessage = "{0} must be an application id (digits).")]
    public string? ApplicationId { get; set; }

    /// <summary>REST base including the API version.</summary>
    [AbsoluteUri("http", "https")]
    public string ApiBaseUrl { get; set; } = "https://discord.com/api/v10";

    /// <summary>When set, skips <c>GET /gateway/bot</c> and connects here (tests point it at loopback).</summary>
    [AbsoluteUri("ws", "wss")]
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
    [EachMatches(EachMatchesAttribute.HostName, "host names", minCount: 1)]
    public string[] AttachmentHosts { get; set; } = ["cdn.discordapp.com", "media.discordapp.net"];

    /// <summary>Register the commands in these guilds only (instant updates) instead of globally.</summary>
    [EachMatches("^[0-9]{1,20}$", "guild ids (digits)")]
    public string[] GuildIds { get; set; } = [];

}

[OptionsValidator]
internal sealed partial class DiscordOptionsValidator : IValidateOptions<DiscordOptions>;

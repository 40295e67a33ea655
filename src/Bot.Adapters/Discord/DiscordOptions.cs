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

    /// <summary>REST base including the API version.</summary>
    [AbsoluteUri("http", "https")]
    public string ApiBaseUrl { get; set; } = "https://discord.com/api/v10";

    /// <summary>When set, skips <c>GET /gateway/bot</c> and connects here (tests point it at loopback).</summary>
    [AbsoluteUri("ws", "wss")]
    public string? GatewayUrlOverride { get; set; }
}

[OptionsValidator]
internal sealed partial class DiscordOptionsValidator : IValidateOptions<DiscordOptions>;

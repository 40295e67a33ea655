using CodeCube.Adapters.Discord.Gateway;
using CodeCube.Adapters.Files;
using CodeCube.Adapters.Discord.Interactions;
using CodeCube.Adapters.Discord.Rest;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CodeCube.Adapters.Discord;

public static class DiscordServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Discord adapter when a token is configured (Discord:Token, usually from Discord__Token);
    /// the options are validated on start.
    /// </summary>
    public static IServiceCollection AddDiscordAdapter(this IServiceCollection services, IConfiguration configuration) =>
        services.AddAdapter<DiscordOptions, DiscordOptionsValidator, DiscordAdapter>(configuration, DiscordOptions.Section,
            [nameof(DiscordOptions.Token)],
            parts =>
            {
                parts.AddHttpClient(DiscordRestClient.HttpClientName);
                parts.TryAddSingleton<IGatewayJitter, RandomGatewayJitter>();
                parts.TryAddSingleton<IGatewayTransportFactory, WebSocketGatewayTransportFactory>();
                parts.TryAddSingleton<DiscordRateLimiter>();
                parts.TryAddSingleton<DiscordRestClient>();
                parts.TryAddSingleton<DiscordGatewayClient>();
                parts.TryAddSingleton<DiscordInteractionResponder>();
                parts.TryAddSingleton<DiscordCommandRegistrar>();
                BoundedDownload.Register(parts);
                parts.TryAddSingleton<DiscordAttachments>();
            });
}

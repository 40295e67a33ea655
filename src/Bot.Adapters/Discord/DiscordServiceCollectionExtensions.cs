using CodeCube.Adapters.Discord.Gateway;
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
    public static IServiceCollection AddDiscordAdapter(this IServiceCollection services, IConfiguration configuration)
    {
        if (!services.TryAddAdapterOptions<DiscordOptions, DiscordOptionsValidator>(configuration, DiscordOptions.SectionName,
                AdapterRegistration.AnyOf(nameof(DiscordOptions.Token))))
        {
            return services;
        }

        services.AddHttpClient(DiscordRestClient.HttpClientName);
        services.TryAddSingleton<IGatewayJitter, RandomGatewayJitter>();
        services.TryAddSingleton<IGatewayTransportFactory, WebSocketGatewayTransportFactory>();
        services.TryAddSingleton<DiscordRateLimiter>();
        services.TryAddSingleton<DiscordRestClient>();
        services.TryAddSingleton<DiscordGatewayClient>();
        return services.AddChatAdapter<DiscordAdapter>();
    }
}

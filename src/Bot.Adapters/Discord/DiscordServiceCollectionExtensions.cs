using CodeCube.Adapters.Discord.Gateway;
using CodeCube.Adapters.Files;
using CodeCube.Adapters.Discord.Interactions;
using CodeCube.Adapters.Discord.Rest;
using CodeCube.Core.Chat;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CodeCube.Adapters.Discord;

public static class DiscordServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Discord adapter when a token is configured (Discord:Token, usually from Discord__Token);
    /// the options are validated on start.
    /// </summary>
    public static IServiceCollection AddDiscordAdapter(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(DiscordOptions.SectionName);
        if (string.IsNullOrWhiteSpace(section[nameof(DiscordOptions.Token)]))
        {
            return services;
        }

        services.AddOptions<DiscordOptions>()
            .Bind(section)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>());

        services.AddHttpClient(DiscordRestClient.HttpClientName);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IGatewayJitter, RandomGatewayJitter>();
        services.TryAddSingleton<IGatewayTransportFactory, WebSocketGatewayTransportFactory>();
        services.TryAddSingleton<DiscordRateLimiter>();
        services.TryAddSingleton<DiscordRestClient>();
        services.TryAddSingleton<DiscordGatewayClient>();
        services.TryAddSingleton<DiscordInteractionResponder>();
        BoundedDownload.Register(services);
        services.TryAddSingleton<DiscordAttachments>();
        services.TryAddSingleton<DiscordCommandRegistrar>();
        services.TryAddSingleton<DiscordAdapter>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChatAdapter, DiscordAdapter>(sp => sp.GetRequiredService<DiscordAdapter>()));
        return services;
    }

    private sealed class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
    {
        public ValidateOptionsResult Validate(string? name, DiscordOptions options)
        {
            var errors = DiscordOptions.Validate(options).ToList();
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}

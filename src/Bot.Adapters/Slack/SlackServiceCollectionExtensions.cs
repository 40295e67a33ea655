using CodeCube.Core.Chat;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CodeCube.Adapters.Slack;

public static class SlackServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Slack adapter when section "Slack" holds any token or secret (Slack__BotToken, Slack__AppToken,
    /// Slack__SigningSecret in the environment); options are validated on start, so a half-configured Slack fails
    /// at boot with a message naming the missing key instead of starting without it.
    /// </summary>
    public static IServiceCollection AddSlackAdapter(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SlackOptions.SectionName);
        string[] secrets = [nameof(SlackOptions.BotToken), nameof(SlackOptions.AppToken), nameof(SlackOptions.SigningSecret)];
        if (secrets.All(key => string.IsNullOrWhiteSpace(section[key])))
        {
            return services;
        }

        services.AddOptions<SlackOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ISlackSocketFactory, ClientWebSocketFactory>();
        services.TryAddSingleton<SlackInbox>();
        // SlackWebApi lives in singletons, so the handler must refresh DNS itself instead of via the factory.
        services.AddHttpClient<SlackWebApi>()
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.TryAddSingleton<SlackUploads>();
        Files.BoundedDownload.Register(services);
        services.TryAddSingleton<SlackFiles>();
        services.TryAddSingleton<SlackSocketModeClient>();
        services.TryAddSingleton<SlackAdapter>();
        services.AddSingleton<IChatAdapter>(sp => sp.GetRequiredService<SlackAdapter>());
        services.TryAddSingleton(sp => new SlackEventsReceiver(sp.GetRequiredService<SlackInbox>(),
            sp.GetRequiredService<IOptions<SlackOptions>>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<SlackEventsReceiver>>()));
        return services;
    }
}

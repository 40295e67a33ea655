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
    /// Registers the Slack adapter when section "Slack" has a BotToken (Slack__BotToken in the environment);
    /// options are validated on start, so a missing app token or signing secret fails at boot.
    /// </summary>
    public static IServiceCollection AddSlackAdapter(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SlackOptions.SectionName);
        if (string.IsNullOrWhiteSpace(section[nameof(SlackOptions.BotToken)]))
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
        services.TryAddSingleton<SlackSocketModeClient>();
        services.TryAddSingleton<SlackAdapter>();
        services.AddSingleton<IChatAdapter>(sp => sp.GetRequiredService<SlackAdapter>());
        services.TryAddSingleton(sp => new SlackEventsReceiver(sp.GetRequiredService<SlackInbox>(),
            sp.GetRequiredService<IOptions<SlackOptions>>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<SlackEventsReceiver>>()));
        return services;
    }
}

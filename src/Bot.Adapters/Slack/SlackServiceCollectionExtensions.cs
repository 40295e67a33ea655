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
    public static IServiceCollection AddSlackAdapter(this IServiceCollection services, IConfiguration configuration) =>
        services.AddAdapter<SlackOptions, SlackOptionsValidator, SlackAdapter>(configuration, SlackOptions.Section,
            [nameof(SlackOptions.BotToken), nameof(SlackOptions.AppToken), nameof(SlackOptions.SigningSecret)],
            parts =>
            {
                parts.TryAddSingleton<ISlackSocketFactory, ClientWebSocketFactory>();
                parts.TryAddSingleton<SlackInbox>();
                // SlackWebApi lives in singletons, so the handler must refresh DNS itself instead of via the factory.
                parts.AddHttpClient<SlackWebApi>()
                    .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
                    {
                        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                    })
                    .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
                parts.TryAddSingleton<SlackUploads>();
                Files.BoundedDownload.Register(parts);
                parts.TryAddSingleton<SlackFiles>();
                parts.TryAddSingleton<SlackSocketModeClient>();
                parts.TryAddSingleton(sp => new SlackEventsReceiver(sp.GetRequiredService<SlackInbox>(),
                    sp.GetRequiredService<IOptions<SlackOptions>>(), sp.GetRequiredService<TimeProvider>(),
                    sp.GetRequiredService<ILogger<SlackEventsReceiver>>()));
            });
}

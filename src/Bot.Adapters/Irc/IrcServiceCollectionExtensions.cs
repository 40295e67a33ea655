using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CodeCube.Adapters.Irc;

public static class IrcServiceCollectionExtensions
{
    /// <summary>
    /// Registers the IRC adapter when section "Irc" names a Server; its options are validated at start-up.
    /// <see cref="IrcChatAdapter"/> is also resolvable directly (current nick, joined signal).
    /// </summary>
    public static IServiceCollection AddIrcAdapter(this IServiceCollection services, IConfiguration configuration)
    {
        if (!services.TryAddAdapterOptions<IrcOptions, IrcOptionsValidator>(configuration, IrcOptions.SectionName,
                AdapterRegistration.AnyOf(nameof(IrcOptions.Server)), IrcOptions.RenamedKeys))
        {
            return services;
        }

        services.TryAddSingleton<IIrcConnector, TcpIrcConnector>();
        services.TryAddSingleton<IrcClient>();
        return services.AddChatAdapter<IrcChatAdapter>();
    }
}

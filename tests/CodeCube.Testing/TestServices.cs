using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CodeCube.Testing;

/// <summary>
/// Services as a project's AddXxx registers them from configuration keys, built the way the host builds them: every
/// registration and scope validated at build, so a wiring error fails the test.
/// </summary>
public static class TestServices
{
    /// <param name="settings">Configuration keys ("Discord:Token", ...).</param>
    /// <param name="register">Registers the services under test (and any test doubles before them).</param>
    public static ServiceProvider Build(IEnumerable<KeyValuePair<string, string?>> settings,
        Action<IServiceCollection, IConfiguration> register)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        register(services, configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}

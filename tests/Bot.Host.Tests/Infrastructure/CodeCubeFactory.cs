using CodeCube.Core.Contracts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CodeCube.Host.Tests.Infrastructure;

/// <summary>
/// The real host (Development environment, so the container validates scopes and every registration on build)
/// with the real Redis store on a test redis-server, and test doubles for the sandbox and language list.
/// </summary>
public sealed class CodeCubeFactory(string redisConfiguration, string publicBaseUrl = "http://codecube.test")
    : WebApplicationFactory<Program>
{
    public FakeLanguages Languages { get; } = new();

    public ScriptedSandbox Sandbox => field ??= new ScriptedSandbox(Languages);

    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>Extra registrations, applied after the host's own (e.g. another health check).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        var settings = new Dictionary<string, string?>
        {
            ["Redis:Configuration"] = redisConfiguration,
            ["Web:PublicBaseUrl"] = publicBaseUrl,
            ["Web:RunsPerMinutePerClient"] = "0",
            ["Logging:LogLevel:Default"] = "Warning",
            // Off unless a test asks: the default port (9464) would be shared by every host in the test run.
            ["Metrics:Urls"] = "",
        };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(settings));
        // Registrations that depend on configuration (a chat adapter starts only when its section is set) read it
        // while Program builds the services, before ConfigureAppConfiguration applies: host settings arrive in time.
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<ISandbox>();
            services.RemoveAll<ILanguageRegistry>();
            services.AddSingleton<ISandbox>(Sandbox);
            services.AddSingleton<ILanguageRegistry>(Languages);
            ConfigureServices?.Invoke(services);
        });
    }
}

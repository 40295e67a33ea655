using CodeCube.Testing.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CodeCube.Host.Tests.Infrastructure;

/// <summary>
/// The real host with the real Redis store on a test redis-server, and test doubles for the sandbox and language
/// list; its log goes to the test's output.
/// </summary>
public sealed class CodeCubeFactory : HostFactory<Program>
{
    public CodeCubeFactory(string redisConfiguration, ITestOutputHelper output, string publicBaseUrl = "http://codecube.test")
        : base(output)
    {
        Settings["Redis:Configuration"] = redisConfiguration;
        Settings["Web:PublicBaseUrl"] = publicBaseUrl;
    }

    public FakeLanguages Languages { get; } = new();

    public ScriptedSandbox Sandbox => field ??= new ScriptedSandbox(Languages);

    /// <summary>Extra registrations, applied after the host's own (e.g. another health check).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; set; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
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

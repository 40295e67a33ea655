using System.Net;
using CodeCube.Testing.Logging;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace CodeCube.Testing.Hosting;

/// <summary>
/// The real host from its Program, in process: Development environment (so the container validates scopes and
/// every registration on build), configured only through <see cref="Settings"/>, logging into the test's output.
/// </summary>
public abstract class HostFactory<TEntryPoint>(ITestOutputHelper output) : WebApplicationFactory<TEntryPoint>
    where TEntryPoint : class
{
    private string? baseUrl;

    /// <summary>Configuration keys for the host; set them before the host is built (first client or server).</summary>
    public Dictionary<string, string?> Settings { get; } = new()
    {
        ["Web:RunsPerMinutePerClient"] = "0",
        ["Logging:LogLevel:Default"] = XunitLoggerProvider.Level,
        // Off unless a test asks: the default port (9464) would be shared by every host in the test run.
        ["Metrics:Urls"] = "",
    };

    /// <summary>The address a browser or a permalink reaches, once <see cref="ListenOnLoopback"/> set one.</summary>
    public string BaseUrl => baseUrl ?? throw new InvalidOperationException("the host listens on loopback only after ListenOnLoopback()");

    /// <summary>
    /// Serves on Kestrel at 127.0.0.1 and a free port (a browser cannot reach the in-memory test server), with
    /// Web:PublicBaseUrl pointing there so permalinks lead back to this host.
    /// </summary>
    public string ListenOnLoopback()
    {
        var port = Loopback.FreePort();
        baseUrl = $"http://127.0.0.1:{port}";
        Settings["Web:PublicBaseUrl"] = baseUrl;
        this.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        return baseUrl;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        // Registrations that depend on configuration (a chat adapter starts only when its section is set) read it
        // while Program builds the services, before ConfigureAppConfiguration applies: host settings arrive in time.
        // The in-memory source then puts the same keys above appsettings.json and the environment.
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(Settings));
        builder.ConfigureLogging(logging => logging.ClearProviders().AddProvider(new XunitLoggerProvider(output)));
    }
}

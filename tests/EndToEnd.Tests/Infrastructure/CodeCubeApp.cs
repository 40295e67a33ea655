using System.Net.Http.Json;
using CodeCube.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CodeCube.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The real host from Program.cs on Kestrel (127.0.0.1 and a free port, so a browser and the permalinks reach it)
/// with every real part: the Docker sandbox, the Redis store on a test redis-server and the chat adapters the
/// settings turn on. Development environment, so the container validates scopes and registrations on build.
/// Nothing is replaced; the only inputs are configuration keys.
/// </summary>
public sealed class CodeCubeApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    private CodeCubeApp(Dictionary<string, string?> settings, int port)
    {
        _settings = settings;
        BaseUrl = $"http://127.0.0.1:{port}";
        _settings["Web:PublicBaseUrl"] = BaseUrl;
        this.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, port));
    }

    /// <summary>The host's real address, which is also its Web:PublicBaseUrl.</summary>
    public string BaseUrl { get; }

    /// <summary>A client of the real Kestrel endpoint (not the in-memory test server).</summary>
    public HttpClient Http => field ??= new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(30) };

    public static CodeCubeApp Start(string redisConfiguration, IReadOnlyDictionary<string, string?> chat)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Redis:Configuration"] = redisConfiguration,
            ["Web:RunsPerMinutePerClient"] = "0",
            // CODECUBE_E2E_LOG=Debug shows what the host did when a test fails.
            ["Logging:LogLevel:Default"] = Environment.GetEnvironmentVariable("CODECUBE_E2E_LOG") ?? "Warning",
            // Many hosts run at once here; the default metrics port would be taken by the first.
            ["Metrics:Urls"] = "",
        };
        foreach (var (key, value) in chat)
        {
            settings[key] = value;
        }

        var app = new CodeCubeApp(settings, RedisServer.FreePort());
        app.StartServer();
        return app;
    }

    /// <summary>GET /api/v1/snippets/{id}: what the permalink's page is built from.</summary>
    public async Task<SnippetView> SnippetAsync(string id)
    {
        var snippet = await Http.GetFromJsonAsync<SnippetView>($"/api/v1/snippets/{id}");
        return snippet ?? throw new InvalidOperationException($"snippet {id} came back empty");
    }

    /// <summary>The snippet id of the first permalink to this host in <paramref name="text"/>.</summary>
    public string PermalinkId(string text)
    {
        var match = System.Text.RegularExpressions.Regex.Match(text, System.Text.RegularExpressions.Regex.Escape(BaseUrl) + "/s/([0-9A-Za-z]+)");
        Assert.True(match.Success, $"no permalink to {BaseUrl} in: {text}");
        return match.Groups[1].Value;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        // UseSetting, not ConfigureAppConfiguration: the adapters decide at registration (before Build) whether their
        // section is configured, and only host settings reach WebApplicationBuilder.Configuration that early.
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Http.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>The fields of the snippet API these tests compare with what the chat showed.</summary>
public sealed record SnippetView(string Id, string Language, string Version, string Code, string Stdout, string Stderr, string Permalink);

using System.Text.RegularExpressions;
using CodeCube.Testing.Hosting;

namespace CodeCube.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The real host from Program.cs on Kestrel (127.0.0.1 and a free port, so a browser and the permalinks reach it)
/// with every real part: the Docker sandbox, the Redis store on a test redis-server and the chat adapters the
/// settings turn on. Nothing is replaced; the only inputs are configuration keys.
/// </summary>
public sealed class CodeCubeApp : HostFactory<Program>
{
    private CodeCubeApp(ITestOutputHelper output)
        : base(output)
    {
        ListenOnLoopback();
    }

    /// <summary>A client of the real Kestrel endpoint (not the in-memory test server).</summary>
    public HttpClient Http => field ??= new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(30) };

    public static CodeCubeApp Start(string redisConfiguration, IReadOnlyDictionary<string, string?> chat, ITestOutputHelper output)
    {
        var app = new CodeCubeApp(output);
        app.Settings["Redis:Configuration"] = redisConfiguration;
        foreach (var (key, value) in chat)
        {
            app.Settings[key] = value;
        }

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
    public string PermalinkId(string text) => Permalinks.IdIn(text, BaseUrl);

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

internal static class Permalinks
{
    /// <summary>The snippet id of the first permalink to <paramref name="baseUrl"/> in <paramref name="text"/>.</summary>
    public static string IdIn(string text, string baseUrl)
    {
        var match = Regex.Match(text, Regex.Escape(baseUrl) + "/s/([0-9A-Za-z]+)");
        Assert.True(match.Success, $"no permalink to {baseUrl} in: {text}");
        return match.Groups[1].Value;
    }
}

using CodeCube.Adapters.Slack;
using CodeCube.Core;
using CodeCube.Core.Contracts;
using CodeCube.Core.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CodeCube.Adapters.Tests.Slack;

/// <summary>
/// The Slack adapter with the real pipeline and chat host, wired as the host wires them, against the local Slack;
/// only the sandbox and the stores are in memory.
/// </summary>
internal sealed class SlackPipelineHarness : IAsyncDisposable
{
    public const string Secret = "test-signing-secret";
    private readonly ServiceProvider _services;
    private readonly List<IHostedService> _hosted;

    private SlackPipelineHarness(SlackTestServer server, ServiceProvider services, FakeTimeProvider time)
    {
        Server = server;
        _services = services;
        Time = time;
        _hosted = services.GetServices<IHostedService>().ToList();
    }

    public SlackTestServer Server { get; }

    public FakeTimeProvider Time { get; }

    public SlackTestSocket Socket { get; private set; } = null!;

    public InMemorySnippetStore Snippets => (InMemorySnippetStore)_services.GetRequiredService<ISnippetStore>();

    public FakeSandbox Sandbox => (FakeSandbox)_services.GetRequiredService<ISandbox>();

    public SlackInteractivityReceiver Receiver => _services.GetRequiredService<SlackInteractivityReceiver>();

    public static async Task<SlackPipelineHarness> StartAsync(string mode = "SocketMode")
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
        var server = await SlackTestServer.StartAsync(time);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = SlackTestServer.BotToken,
            ["Slack:AppToken"] = SlackTestServer.AppToken,
            ["Slack:SigningSecret"] = Secret,
            ["Slack:ApiBaseUrl"] = server.ApiBaseUrl.AbsoluteUri,
            ["Slack:Mode"] = mode,
            ["Slack:ResponseUrlHosts:0"] = server.BaseUrl.Host,
            ["Slack:FileHosts:0"] = server.BaseUrl.Host,
            ["Web:PublicBaseUrl"] = "https://cc.example",
        }).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(time)
            .AddSingleton<ISandbox, FakeSandbox>()
            .AddSingleton<ILanguageRegistry, FakeLanguages>()
            .AddSingleton<ISnippetStore, InMemorySnippetStore>()
            .AddSingleton<IResultCache, InMemoryResultCache>()
            .AddSingleton<IReplyMap, InMemoryReplyMap>()
            .AddCodeCubeCore(configuration)
            .AddSlackAdapter(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var harness = new SlackPipelineHarness(server, services, time);
        foreach (var service in harness._hosted)
        {
            await service.StartAsync(CancellationToken.None);
        }

        if (mode == "SocketMode")
        {
            harness.Socket = await server.AcceptSocketAsync();
            await harness.Socket.SendAsync(SlackFixtures.Text("socketmode-sdk-hello.json"));
        }
        else
        {
            await server.WaitForCallAsync("auth.test");
        }

        return harness;
    }

    public Snippet SnippetWithCode(string code) => Snippets.Snippets.Values.Single(s => s.Code == code);

    public async ValueTask DisposeAsync()
    {
        foreach (var service in _hosted)
        {
            await service.StopAsync(CancellationToken.None);
        }

        await _services.DisposeAsync();
        await Server.DisposeAsync();
    }
}

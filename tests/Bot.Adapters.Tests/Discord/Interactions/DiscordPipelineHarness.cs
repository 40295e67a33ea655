using CodeCube.Adapters.Discord;
using CodeCube.Adapters.Discord.Gateway;
using CodeCube.Core;
using CodeCube.Core.Contracts;
using CodeCube.Core.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CodeCube.Adapters.Tests.Discord.Interactions;

/// <summary>
/// The Discord adapter and the real pipeline and chat host, wired as the host wires them, against the local
/// protocol server; only the sandbox and the stores are in memory, so a test can hold a run in flight.
/// </summary>
internal sealed class DiscordPipelineHarness : IAsyncDisposable
{
    public const string PublicBaseUrl = "https://cc.example";
    private readonly ServiceProvider services;
    private readonly List<IHostedService> hosted;

    private DiscordPipelineHarness(DiscordProtocolServer server, ServiceProvider services, LogSink logs)
    {
        Server = server;
        this.services = services;
        Logs = logs;
        hosted = services.GetServices<IHostedService>().ToList();
    }

    public DiscordProtocolServer Server { get; }

    public FakeSandbox Sandbox => (FakeSandbox)services.GetRequiredService<ISandbox>();

    public InMemorySnippetStore Snippets => (InMemorySnippetStore)services.GetRequiredService<ISnippetStore>();

    public LogSink Logs { get; }

    public static async Task<DiscordPipelineHarness> StartAsync(
        Action<DiscordProtocolServer>? configure = null, IDictionary<string, string?>? settings = null)
    {
        var server = await DiscordProtocolServer.StartAsync();
        configure?.Invoke(server);
        var values = new Dictionary<string, string?>
        {
            ["Discord:Token"] = DiscordProtocolServer.Token,
            ["Discord:ApiBaseUrl"] = server.ApiBaseUrl,
            ["Web:PublicBaseUrl"] = PublicBaseUrl,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var logs = new LogSink();
        var provider = new ServiceCollection()
            .AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug))
            .AddSingleton<TimeProvider>(new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(56)))
            .AddSingleton<IGatewayJitter>(new FixedJitter(0.5))
            .AddSingleton<ISandbox, FakeSandbox>()
            .AddSingleton<ILanguageRegistry, FakeLanguages>()
            .AddSingleton<ISnippetStore, InMemorySnippetStore>()
            .AddSingleton<IResultCache, InMemoryResultCache>()
            .AddSingleton<IReplyMap, InMemoryReplyMap>()
            .AddCodeCubeCore(configuration)
            .AddDiscordAdapter(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var harness = new DiscordPipelineHarness(server, provider, logs);
        foreach (var service in harness.hosted)
        {
            await service.StartAsync(CancellationToken.None);
        }

        await server.Gateway.WaitForAsync(p => p.Op == 2);
        return harness;
    }

    /// <summary>The only stored snippet whose code is <paramref name="code"/>.</summary>
    public Snippet SnippetWithCode(string code) => Snippets.Snippets.Values.Single(s => s.Code == code);

    public async ValueTask DisposeAsync()
    {
        foreach (var service in hosted)
        {
            await service.StopAsync(CancellationToken.None);
        }

        await services.DisposeAsync();
        await Server.DisposeAsync();
    }
}

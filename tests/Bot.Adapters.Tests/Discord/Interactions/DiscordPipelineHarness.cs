using CodeCube.Adapters.Discord;
using CodeCube.Adapters.Discord.Gateway;
using CodeCube.Core.Contracts;
using CodeCube.Core.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CodeCube.Adapters.Tests.Discord.Interactions;

/// <summary>The Discord adapter in front of the real pipeline (<see cref="InMemoryPipeline"/>), against the local Discord.</summary>
internal sealed class DiscordPipelineHarness : IAsyncDisposable
{
    public const string PublicBaseUrl = "https://cc.example";

    private DiscordPipelineHarness(DiscordProtocolServer server, InMemoryPipeline pipeline, LogSink logs, FakeTimeProvider time)
    {
        Time = time;
        Server = server;
        Pipeline = pipeline;
        Logs = logs;
    }

    public DiscordProtocolServer Server { get; }

    public InMemoryPipeline Pipeline { get; }

    public FakeSandbox Sandbox => Pipeline.Sandbox;

    public InMemorySnippetStore Snippets => Pipeline.Snippets;

    public LogSink Logs { get; }

    public FakeTimeProvider Time { get; }

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
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(56));
        var services = new ServiceCollection()
            .AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug))
            .AddSingleton<TimeProvider>(time)
            .AddSingleton<IGatewayJitter>(new FixedJitter(0.5))
            .AddDiscordAdapter(configuration);
        var harness = new DiscordPipelineHarness(server, await InMemoryPipeline.StartAsync(services, configuration), logs, time);
        await server.Gateway.WaitForAsync(p => p.Op == 2);
        return harness;
    }

    public Snippet SnippetWithCode(string code) => Pipeline.SnippetWithCode(code);

    public async ValueTask DisposeAsync()
    {
        await Pipeline.DisposeAsync();
        await Server.DisposeAsync();
    }
}

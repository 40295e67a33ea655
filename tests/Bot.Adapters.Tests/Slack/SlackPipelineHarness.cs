using CodeCube.Adapters.Slack;
using CodeCube.Core.Contracts;
using CodeCube.Core.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CodeCube.Adapters.Tests.Slack;

/// <summary>The Slack adapter in front of the real pipeline (<see cref="InMemoryPipeline"/>), against the local Slack.</summary>
internal sealed class SlackPipelineHarness : IAsyncDisposable
{
    public const string Secret = "test-signing-secret";

    private SlackPipelineHarness(SlackTestServer server, InMemoryPipeline pipeline, FakeTimeProvider time)
    {
        Server = server;
        Pipeline = pipeline;
        Time = time;
    }

    public SlackTestServer Server { get; }

    public InMemoryPipeline Pipeline { get; }

    public FakeTimeProvider Time { get; }

    public SlackTestSocket Socket { get; private set; } = null!;

    public InMemorySnippetStore Snippets => Pipeline.Snippets;

    public FakeSandbox Sandbox => Pipeline.Sandbox;

    public SlackEventsReceiver Receiver => Pipeline.Services.GetRequiredService<SlackEventsReceiver>();

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
            .AddSlackAdapter(configuration);
        var harness = new SlackPipelineHarness(server, await InMemoryPipeline.StartAsync(services, configuration), time);
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

    public Snippet SnippetWithCode(string code) => Pipeline.SnippetWithCode(code);

    public async ValueTask DisposeAsync()
    {
        await Pipeline.DisposeAsync();
        await Server.DisposeAsync();
    }
}

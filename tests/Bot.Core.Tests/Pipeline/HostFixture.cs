using CodeCube.Core.Chat;
using CodeCube.Core.Contracts;
using CodeCube.Core.Pipeline;
using CodeCube.Core.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CodeCube.Core.Tests.Pipeline;

/// <summary>The real AddCodeCubeCore wiring with fakes for what other projects provide.</summary>
internal sealed class HostFixture : IAsyncDisposable
{
    public HostFixture(IEnumerable<IChatAdapter> adapters, Dictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Web:PublicBaseUrl"] = "https://cc.example" })
            .AddInMemoryCollection(settings ?? [])
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton<ISandbox>(Sandbox);
        services.AddSingleton<ILanguageRegistry, FakeLanguages>();
        services.AddSingleton<ISnippetStore>(Store);
        services.AddSingleton<IResultCache, InMemoryResultCache>();
        services.AddSingleton<IReplyMap>(Replies);
        services.AddSingleton<Moderation.IModerationStore>(new InMemoryModeration(Store));
        services.AddSingleton(Sink);
        services.AddSingleton(typeof(ILogger<>), typeof(SinkLogger<>));
        foreach (var adapter in adapters)
        {
            services.AddSingleton(adapter);
        }

        services.AddCodeCubeCore(configuration);
        Services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Host = Services.GetServices<IHostedService>().OfType<ChatHost>().Single();
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public FakeSandbox Sandbox { get; } = new();

    public InMemorySnippetStore Store { get; } = new();

    public InMemoryReplyMap Replies { get; } = new();

    public LogSink Sink { get; } = new();

    public ServiceProvider Services { get; }

    public ChatHost Host { get; }

    public static MessageCreated Run(string platform, string id, string code) =>
        new(new IncomingMessage(new Conversation(platform, "c1"), id, new ChatUser("u-" + id, "Ann"), "!run py " + code, null,
            DateTimeOffset.UnixEpoch));

    public async ValueTask DisposeAsync()
    {
        Host.Dispose();
        await Services.DisposeAsync();
    }
}

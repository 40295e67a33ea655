using CodeCube.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CodeCube.Core.Tests.Pipeline;

/// <summary>The real AddCodeCubeCore wiring with fakes for what other projects provide.</summary>
internal sealed class HostFixture : CoreFakes, IAsyncDisposable
{
    public HostFixture(IEnumerable<IChatAdapter> adapters, Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?> { ["Web:PublicBaseUrl"] = "https://cc.example" };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        Services = TestServices.Build(all, (services, configuration) =>
        {
            services.AddSingleton<TimeProvider>(Time);
            services.AddSingleton<ISandbox>(Sandbox);
            services.AddSingleton<ILanguageRegistry, FakeLanguages>();
            services.AddSingleton<ISnippetStore>(Store);
            services.AddSingleton<IResultCache, InMemoryResultCache>();
            services.AddSingleton<IReplyMap>(Replies);
            services.AddSingleton<Moderation.IModerationStore>(new InMemoryModeration(Store));
            services.AddSingleton(Log);
            services.AddSingleton(typeof(ILogger<>), typeof(SinkLogger<>));
            foreach (var adapter in adapters)
            {
                services.AddSingleton(adapter);
            }

            services.AddCodeCubeCore(configuration);
        });
        Host = Services.GetServices<IHostedService>().OfType<ChatHost>().Single();
    }

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

using CodeCube.Core;
using CodeCube.Core.Contracts;
using CodeCube.Core.Moderation;
using CodeCube.Core.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CodeCube.Adapters.Tests;

/// <summary>
/// The real pipeline and chat host (AddCodeCubeCore, started as the host starts them) behind an adapter, with only
/// the sandbox and the stores in memory, so a test can hold a run in flight and read what was stored.
/// </summary>
internal sealed class InMemoryPipeline : IAsyncDisposable
{
    private readonly List<IHostedService> hosted;

    private InMemoryPipeline(ServiceProvider services)
    {
        Services = services;
        hosted = services.GetServices<IHostedService>().ToList();
    }

    public ServiceProvider Services { get; }

    public FakeSandbox Sandbox => (FakeSandbox)Services.GetRequiredService<ISandbox>();

    public InMemorySnippetStore Snippets => (InMemorySnippetStore)Services.GetRequiredService<ISnippetStore>();

    /// <summary>Builds and starts it; <paramref name="services"/> already holds logging, time and the adapter.</summary>
    public static async Task<InMemoryPipeline> StartAsync(IServiceCollection services, IConfiguration configuration)
    {
        var provider = services
            .AddSingleton<ISandbox, FakeSandbox>()
            .AddSingleton<ILanguageRegistry, FakeLanguages>()
            .AddSingleton<ISnippetStore, InMemorySnippetStore>()
            .AddSingleton<IResultCache, InMemoryResultCache>()
            .AddSingleton<IReplyMap, InMemoryReplyMap>()
            .AddSingleton<IModerationStore>(sp => new InMemoryModeration((InMemorySnippetStore)sp.GetRequiredService<ISnippetStore>()))
            .AddCodeCubeCore(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var pipeline = new InMemoryPipeline(provider);
        foreach (var service in pipeline.hosted)
        {
            await service.StartAsync(CancellationToken.None);
        }

        return pipeline;
    }

    /// <summary>The only stored snippet whose code is <paramref name="code"/>.</summary>
    public Snippet SnippetWithCode(string code) => Snippets.Snippets.Values.Single(s => s.Code == code);

    public async ValueTask DisposeAsync()
    {
        foreach (var service in hosted)
        {
            await service.StopAsync(CancellationToken.None);
        }

        await Services.DisposeAsync();
    }
}

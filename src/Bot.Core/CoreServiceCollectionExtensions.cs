using CodeCube.Core.Commands;
using CodeCube.Core.Contracts;
using CodeCube.Core.Options;
using CodeCube.Core.Pipeline;
using CodeCube.Core.Quotas;
using CodeCube.Core.Replies;
using CodeCube.Core.Running;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CodeCube.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>
    /// Parser, pipeline, reply formatter, quotas, the run gate, the shared run service, permalinks and the
    /// <see cref="ChatHost"/> that drives every registered IChatAdapter. Options: "Pipeline", "Pipeline:Quotas",
    /// "InputLimits", "Web" (PublicBaseUrl). ISandbox, ILanguageRegistry, ISnippetStore, IResultCache, IReplyMap and
    /// IModerationStore come from
    /// other projects. Everything is added with TryAdd*, so a test or a host can put its own part in first.
    /// </summary>
    public static IServiceCollection AddCodeCubeCore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddValidatedOptions<PipelineOptions, PipelineOptionsValidator>(configuration, PipelineOptions.Section);
        services.AddValidatedOptions<QuotaOptions, QuotaOptionsValidator>(configuration, QuotaOptions.Section);
        services.AddValidatedOptions<PermalinkOptions, PermalinkOptionsValidator>(configuration, PermalinkOptions.Section);
        services.AddInputLimits(configuration);

        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RunMetrics>();
        services.TryAddSingleton<ChatMetrics>();
        services.TryAddSingleton<IPermalinks, Permalinks>();
        services.TryAddSingleton<IRunService, RunService>();
        services.TryAddSingleton<CommandParser>();
        services.TryAddSingleton<ReplyFormatter>();
        services.TryAddSingleton<RunQuotas>();
        services.TryAddSingleton<RunGate>();
        services.TryAddScoped<ChatPipeline>();
        services.AddHostedService<ChatHost>();
        return services;
    }
}

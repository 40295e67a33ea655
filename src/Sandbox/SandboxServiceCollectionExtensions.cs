using CodeCube.Core.Contracts;
using CodeCube.Core.Options;
using CodeCube.Sandbox.Diagnostics;
using CodeCube.Sandbox.Docker;
using CodeCube.Sandbox.Languages;
using CodeCube.Sandbox.Pool;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CodeCube.Sandbox;

public static class SandboxServiceCollectionExtensions
{
    /// <summary>
    /// The Docker sandbox under its own key, for whoever must run locally even when <see cref="ISandbox"/> is replaced
    /// (the run queue's workers).
    /// </summary>
    public const string DockerSandboxKey = "docker";

    /// <summary>
    /// Docker sandbox (<see cref="ISandbox"/>), language registry (<see cref="ILanguageRegistry"/>), warm pool and
    /// reaper (hosted services), a "docker" health check, with <see cref="SandboxOptions"/> bound from "Sandbox" and the
    /// shared <see cref="InputLimitsOptions"/>, both validated on start.
    /// </summary>
    public static IServiceCollection AddDockerSandbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLanguageRegistry(configuration);
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DockerEngine>();
        services.TryAddSingleton(sp => new SandboxInstance(
            sp.GetRequiredService<IOptions<SandboxOptions>>().Value.InstanceId is { Length: > 0 } id
                ? id
                : SandboxInstance.NewId()));
        services.TryAddSingleton<EngineProbe>();
        services.TryAddSingleton<ContainerLauncher>();
        services.TryAddSingleton<RunExecutor>();
        services.TryAddSingleton<ContainerRemover>();
        services.TryAddSingleton<WarmPool>();
        services.TryAddSingleton<IPoolStats>(sp => sp.GetRequiredService<WarmPool>());
        services.TryAddSingleton(sp => new SandboxMetrics(
            sp.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(),
            sp.GetRequiredService<SandboxInstance>(),
            sp.GetRequiredService<IPoolStats>()));
        services.TryAddSingleton(sp => new EngineDoctor(sp.GetRequiredService<DockerEngine>(),
            sp.GetRequiredService<LanguageRegistry>(), sp.GetRequiredService<IOptions<SandboxOptions>>().Value));
        services.TryAddSingleton<ContainerReaper>();
        services.TryAddSingleton<DockerSandbox>();
        services.TryAddSingleton<ISandbox>(sp => sp.GetRequiredService<DockerSandbox>());
        services.TryAddKeyedSingleton<ISandbox>(DockerSandboxKey, (sp, _) => sp.GetRequiredService<DockerSandbox>());
        services.TryAddSingleton(sp => new SandboxImages(sp.GetRequiredService<DockerEngine>(), sp.GetRequiredService<LanguageRegistry>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, WarmPoolHost>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ContainerReaperHost>());
        // Only the check: whoever serves health (the web host) adds the health check service itself, and the CLI,
        // which serves none, gets no extra hosted service.
        services.Configure<HealthCheckServiceOptions>(o =>
        {
            if (!o.Registrations.Any(r => r.Name == DockerHealthCheck.Name))
            {
                o.Registrations.Add(new HealthCheckRegistration(DockerHealthCheck.Name,
                    sp => ActivatorUtilities.CreateInstance<DockerHealthCheck>(sp), failureStatus: null, tags: null));
            }
        });
        return services;
    }

    /// <summary>
    /// Just the language registry (manifest and image lock) with <see cref="SandboxOptions"/>: what a front host that
    /// runs no code itself needs.
    /// </summary>
    public static IServiceCollection AddLanguageRegistry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddValidatedOptions<SandboxOptions, SandboxOptionsValidator>(configuration, SandboxOptions.Section,
            SandboxOptions.RenamedKeys);
        services.AddInputLimits(configuration);
        services.TryAddSingleton<LanguageRegistry>();
        services.TryAddSingleton<ILanguageRegistry>(sp => sp.GetRequiredService<LanguageRegistry>());
        return services;
    }

    // Hosted-service registrations that reuse the singletons, so code can call ReapAsync/TryTake on the same objects.
    private sealed class WarmPoolHost(WarmPool pool) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => pool.StartAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => pool.StopAsync(cancellationToken);
    }

    private sealed class ContainerReaperHost(ContainerReaper reaper) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => reaper.StartAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => reaper.StopAsync(cancellationToken);
    }
}

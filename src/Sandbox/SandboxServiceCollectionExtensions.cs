using System.ComponentModel.DataAnnotations;
using CodeCube.Core.Contracts;
using CodeCube.Sandbox.Diagnostics;
using CodeCube.Sandbox.Docker;
using CodeCube.Sandbox.Languages;
using CodeCube.Sandbox.Pool;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CodeCube.Sandbox;

public static class SandboxServiceCollectionExtensions
{
    /// <summary>
    /// Docker sandbox (<see cref="ISandbox"/>), language registry (<see cref="ILanguageRegistry"/>), warm pool and
    /// reaper (hosted services), with <see cref="SandboxOptions"/> bound from "Sandbox" and validated on start.
    /// </summary>
    public static IServiceCollection AddDockerSandbox(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SandboxOptions>()
            .Bind(configuration.GetSection(SandboxOptions.Section))
            .ValidateDataAnnotations()
            .Validate(
                o => o.Pool is not null && Validator.TryValidateObject(o.Pool, new ValidationContext(o.Pool), null, true),
                "Sandbox:Pool is invalid: Size must be 0..64 and MaxIdleSeconds 10..86400")
            .Validate(o => Uri.TryCreate(o.DockerEndpoint, UriKind.Absolute, out _), "Sandbox:DockerEndpoint must be a URI")
            .ValidateOnStart();

        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DockerEngine>();
        services.TryAddSingleton(sp => new SandboxInstance(
            sp.GetRequiredService<IOptions<SandboxOptions>>().Value.InstanceId is { Length: > 0 } id
                ? id
                : SandboxInstance.NewId()));
        services.TryAddSingleton<LanguageRegistry>();
        services.TryAddSingleton<ILanguageRegistry>(sp => sp.GetRequiredService<LanguageRegistry>());
        services.TryAddSingleton(sp => new EngineProbe(sp.GetRequiredService<DockerEngine>()));
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
        services.TryAddSingleton<ISandbox, DockerSandbox>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, WarmPoolHost>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ContainerReaperHost>());
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

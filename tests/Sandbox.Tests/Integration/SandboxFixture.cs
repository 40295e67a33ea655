using CodeCube.Core.Contracts;
using CodeCube.Sandbox.Docker;
using Docker.DotNet;
using Docker.DotNet.Models;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CodeCube.Sandbox.Tests.Integration;

/// <summary>
/// The real sandbox against the real engine and images, under its own instance label. At the end it checks that
/// no container with that label is left (and fails the run if one is).
/// </summary>
public class SandboxFixture : IAsyncLifetime
{
    private ServiceProvider? provider;

    public string InstanceId { get; } = "test-" + SandboxInstance.NewId();

    public ISandbox Sandbox => provider!.GetRequiredService<ISandbox>();

    public ILanguageRegistry Languages => provider!.GetRequiredService<ILanguageRegistry>();

    internal IServiceProvider Services => provider!;

    /// <summary>Used containers are removed in the background; counting containers needs them gone first.</summary>
    internal Task DrainRemovalsAsync() => provider!.GetRequiredService<ContainerRemover>().DrainAsync();

    /// <summary>Settings on top of the defaults ("Sandbox:..." keys).</summary>
    protected virtual void Configure(IDictionary<string, string?> settings)
    {
    }

    /// <summary>Services registered before the sandbox's own (e.g. a fake clock), so they win.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public virtual Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?> { ["Sandbox:InstanceId"] = InstanceId };
        if (Environment.GetEnvironmentVariable("CODECUBE_IMAGES_DIR") is null)
        {
            settings["Sandbox:ImagesDirectory"] = TestPaths.RepoImages;
        }

        Configure(settings);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        ConfigureServices(services);
        provider = services.AddDockerSandbox(configuration).BuildServiceProvider();
        return Task.CompletedTask;
    }

    public Task<RunResult> RunAsync(string language, string code, string stdin = "", params string[] args) =>
        Sandbox.RunAsync(new RunRequest(language, code, stdin, args), null, CancellationToken.None);

    public virtual async Task DisposeAsync()
    {
        // Disposing drains background removals (and the warm pool), as a host's shutdown does.
        if (provider is not null)
        {
            await provider.DisposeAsync();
        }

        var left = await ContainersAsync(InstanceId);
        using var client = CreateClient();
        foreach (var container in left)
        {
            await client.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true });
        }

        if (left.Count > 0)
        {
            throw new InvalidOperationException(
                $"{left.Count} container(s) labelled codecube.instance={InstanceId} were left behind: " +
                string.Join(", ", left.Select(c => $"{c.ID[..12]} ({c.State})")));
        }
    }

    internal static DockerClient CreateClient() =>
        new DockerClientConfiguration(new Uri("unix:///var/run/docker.sock")).CreateClient(DockerEngine.ApiVersion);

    internal static async Task<IList<ContainerListResponse>> ContainersAsync(string instanceId)
    {
        using var client = CreateClient();
        return await client.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>>
            {
                ["label"] = new Dictionary<string, bool> { [$"codecube.instance={instanceId}"] = true },
            },
        });
    }
}

/// <summary>A 2 s run limit, so timeout tests are quick.</summary>
public sealed class ShortLimitFixture : SandboxFixture
{
    public const int RunTimeoutMs = 2000;

    protected override void Configure(IDictionary<string, string?> settings) =>
        settings["Sandbox:RunTimeoutMs"] = RunTimeoutMs.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

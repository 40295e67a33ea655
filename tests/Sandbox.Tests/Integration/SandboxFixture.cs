using CodeCube.Sandbox.Docker;
using Docker.DotNet.Models;

namespace CodeCube.Sandbox.Tests.Integration;

/// <summary>
/// The real sandbox against the real engine and images, under its own instance label. At the end it checks that
/// no container with that label is left (and fails the run if one is).
/// </summary>
public class SandboxFixture : IAsyncLifetime
{
    private readonly (string Key, string Value)[] settings;
    private ServiceProvider? provider;

    public SandboxFixture()
        : this([])
    {
    }

    /// <param name="settings">Settings on top of the defaults ("Sandbox:..." keys).</param>
    protected SandboxFixture(params (string Key, string Value)[] settings)
    {
        this.settings = settings;
    }

    public string InstanceId { get; } = TestSandbox.NewInstanceId("test");

    public ISandbox Sandbox => provider!.GetRequiredService<ISandbox>();

    public ILanguageRegistry Languages => provider!.GetRequiredService<ILanguageRegistry>();

    internal IServiceProvider Services => provider!;

    /// <summary>Used containers are removed in the background; counting containers needs them gone first.</summary>
    internal Task DrainRemovalsAsync() => provider!.GetRequiredService<ContainerRemover>().DrainAsync();

    /// <summary>Services registered before the sandbox's own (a fake clock, say), so they win.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public virtual Task InitializeAsync()
    {
        var all = TestSandbox.Settings(InstanceId);
        // Above the 64 KiB default: the isolation tests push 10 MiB through stdin.
        all["InputLimits:MaxStdinBytes"] = (16 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        provider = TestServices.Build(all, (services, configuration) =>
        {
            ConfigureServices(services);
            services.AddDockerSandbox(configuration);
        });
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

        var left = await TestSandbox.ContainersAsync(InstanceId);
        using var client = TestSandbox.Engine();
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
}

/// <summary>
/// A 60 s run limit for tests about another limit (a memory bomb must end at the memory cap, not the clock), so a
/// loaded machine that runs a bomb slowly still reaches the cap first.
/// </summary>
public sealed class LongRunFixture() : SandboxFixture(("Sandbox:RunTimeout", "00:01:00"));

/// <summary>A 2 s run limit, so timeout tests are quick.</summary>
public sealed class ShortLimitFixture()
    : SandboxFixture(("Sandbox:RunTimeout", TimeSpan.FromMilliseconds(RunTimeoutMs).ToString("c", System.Globalization.CultureInfo.InvariantCulture)))
{
    public const int RunTimeoutMs = 2000;
}

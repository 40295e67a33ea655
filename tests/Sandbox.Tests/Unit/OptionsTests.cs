using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CodeCube.Sandbox.Tests.Unit;

public class OptionsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        TestServices.Build(settings, (services, configuration) => services.AddDockerSandbox(configuration));

    [Fact]
    public void Configuration_binds_onto_the_options()
    {
        using var provider = Build(new()
        {
            ["Sandbox:RunTimeout"] = "00:00:02",
            ["Sandbox:StdoutLimitBytes"] = "100",
            ["Sandbox:Pool:Size"] = "2",
            ["Sandbox:Runtime"] = "runsc",
        });

        var options = provider.GetRequiredService<IOptions<SandboxOptions>>().Value;

        Assert.Equal((TimeSpan.FromSeconds(2), 100, 2, "runsc"), (options.RunTimeout, options.StdoutLimitBytes, options.Pool.Size, options.Runtime));
        Assert.Equal(64, options.PidsLimit);
    }

    [Theory]
    [InlineData("Sandbox:RunTimeout", "00:00:00")]
    [InlineData("Sandbox:EngineTimeout", "00:10:00")]
    [InlineData("Sandbox:MemoryMiB", "1")]
    [InlineData("Sandbox:User", "root")]
    [InlineData("Sandbox:DockerEndpoint", "not a uri")]
    [InlineData("Sandbox:Pool:Size", "-1")]
    [InlineData("Sandbox:Pool:MaxIdle", "00:00:01")]
    [InlineData("InputLimits:MaxStdinBytes", "-1")]
    public void Invalid_settings_fail_start_with_the_full_key_named(string key, string value)
    {
        using var provider = Build(new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(
            () => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Matches($"(^|[^\\w:]){key}($|[^\\w:])", error.Message);
    }

    [Fact]
    public void An_old_millisecond_key_still_sets_the_new_duration()
    {
        using var provider = Build(new() { ["Sandbox:RunTimeoutMs"] = "2500", ["Sandbox:Pool:MaxIdleSeconds"] = "120" });

        var options = provider.GetRequiredService<IOptions<SandboxOptions>>().Value;

        Assert.Equal((TimeSpan.FromSeconds(2.5), TimeSpan.FromMinutes(2)), (options.RunTimeout, options.Pool.MaxIdle));
    }

    [Fact]
    public void The_sandbox_registry_pool_and_reaper_are_all_registered()
    {
        using var provider = Build(new() { ["Sandbox:ImagesDirectory"] = RepoPaths.Images });

        Assert.NotNull(provider.GetRequiredService<ISandbox>());
        Assert.NotEmpty(provider.GetRequiredService<ILanguageRegistry>().All);
        Assert.Equal(2, provider.GetServices<IHostedService>().Count());
    }
}

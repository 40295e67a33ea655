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
            ["Sandbox:RunTimeoutMs"] = "2000",
            ["Sandbox:StdoutLimitBytes"] = "100",
            ["Sandbox:Pool:Size"] = "2",
            ["Sandbox:Runtime"] = "runsc",
        });

        var options = provider.GetRequiredService<IOptions<SandboxOptions>>().Value;

        Assert.Equal((2000, 100, 2, "runsc"), (options.RunTimeoutMs, options.StdoutLimitBytes, options.Pool.Size, options.Runtime));
        Assert.Equal(64, options.PidsLimit);
    }

    [Theory]
    [InlineData("Sandbox:RunTimeoutMs", "0")]
    [InlineData("Sandbox:MemoryMiB", "1")]
    [InlineData("Sandbox:User", "root")]
    [InlineData("Sandbox:DockerEndpoint", "not a uri")]
    [InlineData("Sandbox:Pool:Size", "-1")]
    public void Invalid_settings_fail_validation_with_the_setting_named(string key, string value)
    {
        using var provider = Build(new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(
            () => provider.GetRequiredService<IOptions<SandboxOptions>>().Value);
        Assert.Contains(key.Split(':')[^1], error.Message, StringComparison.Ordinal);
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

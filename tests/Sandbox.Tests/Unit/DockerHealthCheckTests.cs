using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CodeCube.Sandbox.Tests.Unit;

public sealed class DockerHealthCheckTests
{
    [Fact]
    public async Task AddDockerSandbox_registers_one_docker_check_that_fails_when_the_engine_socket_is_missing()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sandbox:DockerEndpoint"] = "unix:///nonexistent/docker.sock",
        }).Build();
        await using var provider = new ServiceCollection()
            .AddLogging()
            .AddDockerSandbox(configuration)
            .AddDockerSandbox(configuration) // twice, as a test host may: still one check
            .AddHealthChecks().Services
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        var (name, docker) = Assert.Single(report.Entries);
        Assert.Equal("docker", name);
        Assert.Equal(HealthStatus.Unhealthy, docker.Status);
        Assert.Equal("Docker engine unreachable", docker.Description);
        Assert.Contains("problem", docker.Data.Keys);
    }
}

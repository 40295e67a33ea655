using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CodeCube.Host.Tests.Web;

[Collection(RedisCollection.Name)]
public sealed class HealthAndOptionsTests(RedisServerFixture redis, ITestOutputHelper output)
{
    private static async Task<(HttpStatusCode Status, JsonElement Checks)> HealthzAsync(CodeCubeFactory factory)
    {
        var response = await factory.CreateClient().GetAsync("/healthz");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return (response.StatusCode, body.GetProperty("checks"));
    }

    [Fact]
    public async Task Healthz_is_503_naming_redis_when_redis_is_down()
    {
        using var factory = new CodeCubeFactory($"127.0.0.1:{Loopback.FreePort()},connectTimeout=500", output);

        var (status, checks) = await HealthzAsync(factory);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("unhealthy", checks.GetProperty("redis").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Healthz_reports_docker_and_other_registered_checks_and_is_503_when_one_is_down()
    {
        using var factory = new CodeCubeFactory(redis.Configuration, output)
        {
            // /healthz must report any registered check, not just the ones it knows.
            ConfigureServices = services => services.AddHealthChecks()
                .AddCheck("queue", () => HealthCheckResult.Unhealthy("engine unreachable")),
        };

        var (status, checks) = await HealthzAsync(factory);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("healthy", checks.GetProperty("redis").GetProperty("status").GetString());
        Assert.Equal("healthy", checks.GetProperty("docker").GetProperty("status").GetString());
        Assert.Equal("unhealthy", checks.GetProperty("queue").GetProperty("status").GetString());
        Assert.Equal("engine unreachable", checks.GetProperty("queue").GetProperty("description").GetString());
    }

    [Fact]
    public async Task Healthz_is_503_naming_docker_when_the_engine_is_unreachable()
    {
        using var factory = new CodeCubeFactory(redis.Configuration, output);
        factory.Settings["Sandbox:DockerEndpoint"] = "unix:///nonexistent/docker.sock";
        factory.Settings["Sandbox:EngineTimeout"] = "00:00:02";

        var (status, checks) = await HealthzAsync(factory);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("unhealthy", checks.GetProperty("docker").GetProperty("status").GetString());
        Assert.Equal("healthy", checks.GetProperty("redis").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Runs_over_the_per_client_limit_get_429_problem_details()
    {
        using var factory = new CodeCubeFactory(redis.Configuration, output);
        factory.Settings["Web:RunsPerMinutePerClient"] = "2";
        var client = factory.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            var response = await client.PostAsJsonAsync("/api/v1/run", new { language = "python", code = $"print {i}" });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(2, factory.Sandbox.Runs);
    }

    [Fact]
    public void Host_refuses_to_start_with_an_invalid_public_base_url_and_says_which_setting()
    {
        using var factory = new CodeCubeFactory("127.0.0.1:1,connectTimeout=200", output, publicBaseUrl: "not a url");

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var validation = error is AggregateException many ? many.Flatten().InnerExceptions : [error];
        Assert.Contains(validation, e => e is OptionsValidationException
            && e.Message.Contains("Web:PublicBaseUrl must be an absolute http(s) URL", StringComparison.Ordinal));
    }

    [Fact]
    public void Host_refuses_to_start_when_a_known_proxy_is_not_an_ip_address()
    {
        using var factory = new CodeCubeFactory("127.0.0.1:1,connectTimeout=200", output);
        factory.Settings["Web:KnownProxies:0"] = "proxy.example";

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var validation = error is AggregateException many ? many.Flatten().InnerExceptions : [error];
        Assert.Contains(validation, e => e is OptionsValidationException
            && e.Message.Contains("Web:KnownProxies must list IP addresses", StringComparison.Ordinal));
    }
}

using System.Net;
using System.Text.Json;
using CodeCube.Host.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace CodeCube.Host.Tests.Web;

public sealed class HealthAndOptionsTests
{
    [Fact]
    public async Task Healthz_is_503_naming_redis_when_redis_is_down()
    {
        using var factory = new CodeCubeFactory($"127.0.0.1:{RedisServer.FreePort()},connectTimeout=500");

        var response = await factory.CreateClient().GetAsync("/healthz");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("unhealthy", body.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString());
    }

    [Fact]
    public void Host_refuses_to_start_with_an_invalid_public_base_url_and_says_which_setting()
    {
        using var factory = new CodeCubeFactory("127.0.0.1:1,connectTimeout=200", publicBaseUrl: "not a url");

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var validation = error is AggregateException many ? many.Flatten().InnerExceptions : [error];
        Assert.Contains(validation, e => e is OptionsValidationException
            && e.Message.Contains("Web:PublicBaseUrl must be an absolute http(s) URL", StringComparison.Ordinal));
    }
}

using CodeCube.Testing.Slack;

namespace CodeCube.Host.Tests.Web;

/// <summary>The Events API request URL as Slack calls it: signed bodies in, challenge or 200 out.</summary>
[Collection(RedisCollection.Name)]
public sealed class SlackEventsEndpointTests(RedisServerFixture redis, ITestOutputHelper output)
{
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";

    private CodeCubeFactory EventsApiHost()
    {
        var factory = new CodeCubeFactory(redis.Configuration, output);
        factory.Settings["Slack:Mode"] = "EventsApi";
        factory.Settings["Slack:BotToken"] = "xoxb-test";
        factory.Settings["Slack:SigningSecret"] = Secret;
        // Nothing listens there: the adapter's auth.test fails, the endpoint must still answer.
        factory.Settings["Slack:ApiBaseUrl"] = $"http://127.0.0.1:{Loopback.FreePort()}/api";
        return factory;
    }

    private static HttpRequestMessage Signed(string body, DateTimeOffset at, string secret = Secret) =>
        SlackRequests.SignedEvent(body, secret, at);

    [Fact]
    public async Task Signed_url_verification_is_answered_with_the_challenge()
    {
        using var factory = EventsApiHost();
        const string body = """{"token":"Jhj5dZrVaK7ZwHHjRyZWjbDl","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}""";

        var response = await factory.CreateClient().SendAsync(Signed(body, DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_signed_with_another_secret_is_rejected()
    {
        using var factory = EventsApiHost();
        const string body = """{"challenge":"x","type":"url_verification"}""";

        var response = await factory.CreateClient().SendAsync(Signed(body, DateTimeOffset.UtcNow, "not-the-secret"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("\"x\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_correctly_signed_but_stale_request_is_rejected()
    {
        using var factory = EventsApiHost();
        const string body = """{"challenge":"x","type":"url_verification"}""";

        var response = await factory.CreateClient().SendAsync(Signed(body, DateTimeOffset.UtcNow.AddMinutes(-10)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_endpoint_does_not_exist_when_slack_is_not_configured()
    {
        using var factory = new CodeCubeFactory(redis.Configuration, output);

        var response = await factory.CreateClient().SendAsync(Signed("""{"type":"url_verification","challenge":"x"}""", DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

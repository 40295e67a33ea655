using System.Net;
using System.Net.Http.Json;
using CodeCube.Host.Web;

namespace CodeCube.Host.Tests.Web;

/// <summary>The one run budget at the web's door: refusals are 503 + Retry-After + a problem, the stream included.</summary>
[Collection(RedisCollection.Name)]
public sealed class AdmissionTests(RedisServerFixture redis, ITestOutputHelper output) : IDisposable
{
    private readonly CodeCubeFactory _factory = new(redis.Configuration, output);

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task A_client_over_its_share_gets_503_before_the_stream_starts_and_a_forged_forwarded_for_does_not_help()
    {
        _factory.Settings["Pipeline:MaxRunsPerClient"] = "1";
        using var hold = new SemaphoreSlim(0);
        _factory.Sandbox.HoldAfterFirstChunk = hold;
        var client = _factory.CreateClient();
        using var first = new HttpRequestMessage(HttpMethod.Post, "/api/v1/run/stream")
        {
            Content = JsonContent.Create(new { language = "python", code = "print a\nprint b" }),
        };
        using var running = await client.SendAsync(first, HttpCompletionOption.ResponseHeadersRead);
        using var events = new StreamReader(await running.Content.ReadAsStreamAsync());
        while (await events.ReadLineAsync() is { } line && !line.StartsWith("event: output", StringComparison.Ordinal))
        {
        }

        using var second = new HttpRequestMessage(HttpMethod.Post, "/api/v1/run/stream")
        {
            Content = JsonContent.Create(new { language = "python", code = "print c" }),
        };
        second.Headers.Add("X-Forwarded-For", "203.0.113.9"); // no Web:KnownProxies: ignored
        using var refused = await client.SendAsync(second);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal("5", refused.Headers.RetryAfter?.ToString());
        Assert.Contains("already has runs going", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        hold.Release();
        Assert.Contains("event: result", await events.ReadToEndAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Arguments_over_their_caps_are_a_clear_400()
    {
        var client = _factory.CreateClient();

        using var one = await client.PostAsJsonAsync("/api/v1/run", new { language = "python", code = "print 1", args = new[] { new string('a', 1025) } });
        using var total = await client.PostAsJsonAsync("/api/v1/run", new
        {
            language = "python", code = "print 1", args = Enumerable.Repeat(new string('a', 1000), 9).ToArray(),
        });

        Assert.Equal(HttpStatusCode.BadRequest, one.StatusCode);
        Assert.Contains("Arguments too large", await one.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, total.StatusCode);
    }

    [Theory]
    [InlineData("203.0.113.7", "web:203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "web:203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "web:2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "web:2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:3::1", "web:2001:db8:1:3::/64")]
    public void Clients_are_keyed_by_ipv4_address_or_ipv6_64(string address, string key) =>
        Assert.Equal(key, ClientAddress.KeyFor(IPAddress.Parse(address)));
}

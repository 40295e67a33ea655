using System.Net.Http;
using CodeCube.Adapters.Discord.Rest;
using Microsoft.Extensions.Time.Testing;

namespace CodeCube.Adapters.Tests.Discord;

public sealed class RateLimiterPruneTests
{
    [Fact]
    public void Buckets_whose_reset_has_passed_are_dropped_once_the_map_grows()
    {
        var time = new FakeTimeProvider();
        var limiter = new DiscordRateLimiter(time);
        using var response = BucketResponse();

        for (var channel = 0; channel < DiscordRateLimiter.PruneAbove; channel++)
        {
            limiter.Update("POST /channels/{id}/messages", $"{channel}", response.Headers);
        }

        Assert.Equal(DiscordRateLimiter.PruneAbove, limiter.BucketCount);
        time.Advance(TimeSpan.FromSeconds(2));
        limiter.Update("POST /channels/{id}/messages", "one-more", response.Headers);

        Assert.Equal(1, limiter.BucketCount);
    }

    [Fact]
    public async Task Gates_of_channels_no_request_is_using_are_dropped_once_the_map_grows()
    {
        var time = new FakeTimeProvider();
        var limiter = new DiscordRateLimiter(time);
        using var response = BucketResponse();
        var held = await limiter.AcquireAsync("POST /channels/{id}/messages", "held", CancellationToken.None);
        for (var channel = 0; channel <= DiscordRateLimiter.PruneAbove; channel++)
        {
            (await limiter.AcquireAsync("POST /channels/{id}/messages", $"{channel}", CancellationToken.None)).Dispose();
        }

        Assert.Equal(DiscordRateLimiter.PruneAbove + 2, limiter.GateCount);
        limiter.Update("POST /channels/{id}/messages", "held", response.Headers);

        Assert.Equal(1, limiter.GateCount); // the one a request holds stays
        held.Dispose();
    }

    private static HttpResponseMessage BucketResponse()
    {
        var response = new HttpResponseMessage();
        response.Headers.Add("X-RateLimit-Bucket", "abc");
        response.Headers.Add("X-RateLimit-Remaining", "4");
        response.Headers.Add("X-RateLimit-Reset-After", "1");
        return response;
    }
}

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
        using var response = new HttpResponseMessage();
        response.Headers.Add("X-RateLimit-Bucket", "abc");
        response.Headers.Add("X-RateLimit-Remaining", "4");
        response.Headers.Add("X-RateLimit-Reset-After", "1");

        for (var channel = 0; channel < DiscordRateLimiter.PruneAbove; channel++)
        {
            limiter.Update("POST /channels/{id}/messages", $"{channel}", response.Headers);
        }

        Assert.Equal(DiscordRateLimiter.PruneAbove, limiter.BucketCount);
        time.Advance(TimeSpan.FromSeconds(2));
        limiter.Update("POST /channels/{id}/messages", "one-more", response.Headers);

        Assert.Equal(1, limiter.BucketCount);
    }
}

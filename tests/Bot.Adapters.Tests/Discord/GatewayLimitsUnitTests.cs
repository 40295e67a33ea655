using CodeCube.Adapters.Discord.Gateway;

namespace CodeCube.Adapters.Tests.Discord;

public sealed class GatewayLimitsUnitTests
{
    [Fact]
    public async Task The_121st_send_within_60_seconds_waits_until_the_oldest_leaves_the_window()
    {
        var time = new FakeTimeProvider();
        var limiter = new GatewaySendLimiter(time);
        for (var i = 0; i < 120; i++)
        {
            Assert.True(limiter.WaitAsync(default).IsCompletedSuccessfully);
            time.Advance(TimeSpan.FromMilliseconds(100));
        }

        var next = limiter.WaitAsync(default); // 12 s in: the first send leaves the window at 60 s
        time.Advance(TimeSpan.FromSeconds(47.9));
        Assert.False(next.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(100));
        await next.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void A_payload_over_4096_bytes_is_refused_before_it_reaches_discord()
    {
        var small = GatewayPayloads.Identify(new string('t', 70));
        var large = new JsonObject { ["op"] = 3, ["d"] = new string('x', 4096) };

        Assert.True(GatewayPayloads.Serialize(small).Length <= 4096);
        Assert.Throws<InvalidOperationException>(() => GatewayPayloads.Serialize(large));
    }

    [Fact]
    public void Gateway_urls_get_version_10_and_json_encoding()
    {
        Assert.Equal("wss://gateway.discord.gg/?v=10&encoding=json", GatewayPayloads.WithQuery("wss://gateway.discord.gg/").ToString());
        Assert.Equal("wss://gateway-us-east1-b.discord.gg/?v=10&encoding=json",
            GatewayPayloads.WithQuery("wss://gateway-us-east1-b.discord.gg").ToString());
    }
}

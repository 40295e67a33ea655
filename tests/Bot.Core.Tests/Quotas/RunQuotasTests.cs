using CodeCube.Core.Options;
using CodeCube.Core.Quotas;

namespace CodeCube.Core.Tests.Quotas;

public sealed class RunQuotasTests
{
    private readonly FakeTimeProvider time = new();

    private RunQuotas Quotas(int userBurst = 3, double userPerMinute = 6, int channelBurst = 100, double channelPerMinute = 600) =>
        new(Microsoft.Extensions.Options.Options.Create(new QuotaOptions
        {
            UserBurst = userBurst,
            UserPerMinute = userPerMinute,
            ChannelBurst = channelBurst,
            ChannelPerMinute = channelPerMinute,
        }), time);

    [Fact]
    public void A_user_gets_the_burst_then_waits_for_a_refill()
    {
        var quotas = Quotas(userBurst: 3, userPerMinute: 6);

        Assert.All(Enumerable.Range(0, 3), _ => Assert.True(quotas.TryAcquire("irc", "ann", "#c").Allowed));
        var refused = quotas.TryAcquire("irc", "ann", "#c");

        Assert.False(refused.Allowed);
        Assert.Equal(QuotaScope.User, refused.RefusedBy);
        Assert.Equal(TimeSpan.FromSeconds(10), refused.RetryAfter);

        time.Advance(TimeSpan.FromSeconds(9));
        Assert.False(quotas.TryAcquire("irc", "ann", "#c").Allowed);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(quotas.TryAcquire("irc", "ann", "#c").Allowed);
    }

    [Fact]
    public void Users_have_separate_buckets_per_platform()
    {
        var quotas = Quotas(userBurst: 1);

        Assert.True(quotas.TryAcquire("irc", "ann", "#c").Allowed);
        Assert.False(quotas.TryAcquire("irc", "ann", "#c").Allowed);
        Assert.True(quotas.TryAcquire("irc", "bob", "#c").Allowed);
        Assert.True(quotas.TryAcquire("discord", "ann", "#c").Allowed);
    }

    [Fact]
    public void A_channel_limit_holds_for_all_users_together()
    {
        var quotas = Quotas(userBurst: 10, channelBurst: 2, channelPerMinute: 1);

        Assert.True(quotas.TryAcquire("slack", "u1", "C1").Allowed);
        Assert.True(quotas.TryAcquire("slack", "u2", "C1").Allowed);
        var refused = quotas.TryAcquire("slack", "u3", "C1");

        Assert.Equal(QuotaScope.Channel, refused.RefusedBy);
        Assert.Equal(TimeSpan.FromMinutes(1), refused.RetryAfter);
        Assert.True(quotas.TryAcquire("slack", "u3", "C2").Allowed);
    }

    [Fact]
    public void A_refused_command_takes_no_token_from_the_other_bucket()
    {
        var quotas = Quotas(userBurst: 2, channelBurst: 1, channelPerMinute: 60);

        Assert.True(quotas.TryAcquire("irc", "ann", "#a").Allowed);
        Assert.False(quotas.TryAcquire("irc", "ann", "#a").Allowed); // channel refuses; ann keeps her token
        Assert.True(quotas.TryAcquire("irc", "ann", "#b").Allowed);
    }

    [Fact]
    public void Only_the_first_refusal_in_a_row_asks_for_an_answer()
    {
        var quotas = Quotas(userBurst: 1, userPerMinute: 60);

        quotas.TryAcquire("irc", "ann", "#c");
        Assert.True(quotas.TryAcquire("irc", "ann", "#c").ShouldNotify);
        Assert.False(quotas.TryAcquire("irc", "ann", "#c").ShouldNotify);
        Assert.False(quotas.TryAcquire("irc", "ann", "#c").ShouldNotify);

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(quotas.TryAcquire("irc", "ann", "#c").Allowed);
        Assert.True(quotas.TryAcquire("irc", "ann", "#c").ShouldNotify);
    }

    [Fact]
    public void A_long_pause_refills_only_up_to_the_burst()
    {
        var quotas = Quotas(userBurst: 2, userPerMinute: 60);
        quotas.TryAcquire("irc", "ann", "#c");

        time.Advance(TimeSpan.FromHours(1));

        Assert.True(quotas.TryAcquire("irc", "ann", "#c").Allowed);
        Assert.True(quotas.TryAcquire("irc", "ann", "#c").Allowed);
        Assert.False(quotas.TryAcquire("irc", "ann", "#c").Allowed);
    }
}

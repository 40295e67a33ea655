using CodeCube.Adapters.Connections;
using Microsoft.Extensions.Time.Testing;

namespace CodeCube.Adapters.Tests.Connections;

public sealed class ReconnectPolicyTests
{
    private static readonly TimeSpan Floor = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(8);
    private readonly FakeTimeProvider _time = new();

    private ReconnectPolicy Policy(double random = 0.5) => new(_time, () => random, Floor, Cap);

    [Theory]
    [InlineData(1, 1000)]
    [InlineData(2, 2000)]
    [InlineData(3, 4000)]
    [InlineData(4, 8000)]
    [InlineData(5, 8000)]
    [InlineData(1000, 8000)]
    public void The_middle_of_the_jitter_doubles_from_the_floor_up_to_the_cap(int attempt, int expectedMs) =>
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), Policy().Delay(attempt, 0.5));

    [Theory]
    [InlineData(1, 0.0, 1000)] // half the step would be below the floor
    [InlineData(1, 0.75, 1250)]
    [InlineData(3, 0.0, 2000)]
    [InlineData(3, 0.75, 5000)]
    [InlineData(4, 0.0, 4000)]
    [InlineData(4, 0.75, 8000)] // 10 s is over the cap
    public void Jitter_spans_half_to_one_and_a_half_steps_within_floor_and_cap(int attempt, double random, int expectedMs) =>
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), Policy().Delay(attempt, random));

    [Fact]
    public void Every_delay_lies_between_floor_and_cap()
    {
        var policy = Policy();
        for (var attempt = 1; attempt <= 40; attempt++)
        {
            foreach (var random in new[] { 0.0, 0.25, 0.5, 0.75, 0.999999 })
            {
                Assert.InRange(policy.Delay(attempt, random), Floor, Cap);
            }
        }
    }

    [Fact]
    public void Failed_attempts_in_a_row_grow_the_delay()
    {
        var policy = Policy();

        Assert.Equal(TimeSpan.FromSeconds(1), policy.NextDelay());
        Assert.Equal(TimeSpan.FromSeconds(2), policy.NextDelay());
        Assert.Equal(TimeSpan.FromSeconds(4), policy.NextDelay());
        Assert.Equal(3, policy.Attempts);
    }

    [Theory]
    [InlineData(0, 29_999, 2000)]       // came up, but dropped before it proved healthy: still a failure in a row
    [InlineData(0, 30_000, 1000)]       // healthy: the count starts again, yet the floor is still waited
    [InlineData(30_000, 29_999, 2000)]  // a server that accepts and stalls before it lets us in is no healthier
    [InlineData(300_000, 0, 2000)]      // nor is one that lets us in after five minutes and drops us at once
    public void Only_a_session_that_stayed_up_after_it_was_established_starts_the_count_again(
        int stalledMs, int upMs, int expectedMs)
    {
        var policy = Policy();
        policy.NextDelay();

        _time.Advance(TimeSpan.FromMilliseconds(stalledMs));
        policy.Established();
        _time.Advance(TimeSpan.FromMilliseconds(upMs));

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), policy.NextDelay());
        Assert.Equal(expectedMs == 1000 ? 1 : 2, policy.Attempts);
    }

    [Fact]
    public void An_attempt_that_never_got_going_is_a_failure_however_long_it_took()
    {
        var policy = Policy();
        policy.NextDelay();

        _time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(TimeSpan.FromSeconds(2), policy.NextDelay());
    }

    [Fact]
    public void An_establishment_counts_for_its_own_session_only()
    {
        var policy = Policy();
        policy.Established();
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(TimeSpan.FromSeconds(1), policy.NextDelay());

        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(TimeSpan.FromSeconds(2), policy.NextDelay());
    }

    [Fact]
    public void Established_again_before_the_session_ends_keeps_the_first_time()
    {
        var policy = Policy();
        policy.NextDelay();
        policy.Established();
        _time.Advance(TimeSpan.FromSeconds(20));

        // A Slack refresh: the next socket says hello while the link is still up.
        policy.Established();
        _time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(TimeSpan.FromSeconds(1), policy.NextDelay());
    }

    [Fact]
    public void Without_a_random_source_first_delays_vary_between_the_floor_and_one_and_a_half_floors()
    {
        var drawn = Enumerable.Range(0, 50).Select(_ => new ReconnectPolicy(_time, floor: Floor, cap: Cap).NextDelay()).ToList();

        Assert.All(drawn, d => Assert.InRange(d, Floor, TimeSpan.FromSeconds(1.5)));
        Assert.True(drawn.Distinct().Count() > 1);
    }

    [Fact]
    public void The_defaults_are_one_second_to_a_minute_and_healthy_after_thirty_seconds()
    {
        var policy = new ReconnectPolicy(_time);

        Assert.Equal(TimeSpan.FromSeconds(30), ReconnectPolicy.HealthySession);

        Assert.Equal(TimeSpan.FromSeconds(1), policy.Floor);
        Assert.Equal(TimeSpan.FromSeconds(60), policy.Cap);
        Assert.Equal(TimeSpan.FromSeconds(60), policy.Delay(100, 0.999));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(2, 1)]
    public void A_floor_that_is_not_positive_or_above_the_cap_is_refused(int floorSeconds, int capSeconds) =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new ReconnectPolicy(_time, floor: TimeSpan.FromSeconds(floorSeconds), cap: TimeSpan.FromSeconds(capSeconds)));
}

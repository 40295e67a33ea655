using CodeCube.Adapters.Irc;

namespace CodeCube.Adapters.Tests.Irc;

public class FloodLimiterTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task Burst_passes_at_once_then_one_line_per_interval()
    {
        var limiter = new FloodLimiter(5, TimeSpan.FromSeconds(2), _time);
        for (var i = 0; i < 5; i++)
        {
            Assert.True(limiter.WaitAsync(CancellationToken.None).IsCompletedSuccessfully);
        }

        var sixth = limiter.WaitAsync(CancellationToken.None);
        Assert.False(sixth.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1999));
        Assert.False(sixth.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await sixth.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Queued_waiters_are_released_in_order_one_per_interval()
    {
        var limiter = new FloodLimiter(1, TimeSpan.FromSeconds(2), _time);
        await limiter.WaitAsync(CancellationToken.None);
        var released = new List<int>();
        var waiters = Enumerable.Range(1, 3)
            .Select(i => limiter.WaitAsync(CancellationToken.None).ContinueWith(_ => { lock (released) { released.Add(i); } }, TaskScheduler.Default))
            .ToArray();

        for (var expected = 1; expected <= 3; expected++)
        {
            _time.Advance(TimeSpan.FromSeconds(2));
            await waiters[expected - 1].WaitAsync(TimeSpan.FromSeconds(5));
            lock (released)
            {
                Assert.Equal(Enumerable.Range(1, expected), released);
            }
        }
    }

    [Fact]
    public void Idle_time_refills_the_bucket_only_up_to_the_burst()
    {
        var limiter = new FloodLimiter(2, TimeSpan.FromSeconds(2), _time);
        Assert.True(limiter.TryTake());
        Assert.True(limiter.TryTake());
        Assert.False(limiter.TryTake());

        _time.Advance(TimeSpan.FromMinutes(10));

        Assert.True(limiter.TryTake());
        Assert.True(limiter.TryTake());
        Assert.False(limiter.TryTake());
    }

    [Fact]
    public async Task Cancelled_wait_does_not_consume_a_token()
    {
        var limiter = new FloodLimiter(1, TimeSpan.FromSeconds(2), _time);
        Assert.True(limiter.TryTake());
        using var cts = new CancellationTokenSource();

        var waiting = limiter.WaitAsync(cts.Token);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.True(limiter.TryTake());
    }
}

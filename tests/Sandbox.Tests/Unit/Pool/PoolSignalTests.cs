using CodeCube.Sandbox.Pool;
using Microsoft.Extensions.Time.Testing;

namespace CodeCube.Sandbox.Tests.Unit.Pool;

public class PoolSignalTests
{
    private readonly FakeTimeProvider time = new();

    [Fact]
    public async Task A_set_before_the_wait_wakes_it_once()
    {
        var signal = new PoolSignal();
        signal.Set();
        signal.Set();

        await signal.WaitAsync(TimeSpan.FromHours(1), time, CancellationToken.None);
        var second = signal.WaitAsync(TimeSpan.FromSeconds(5), time, CancellationToken.None);

        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(5));
        await second;
    }

    [Fact]
    public async Task Cancellation_ends_the_wait_with_an_exception()
    {
        var signal = new PoolSignal();
        using var cts = new CancellationTokenSource();
        var waiting = signal.WaitAsync(TimeSpan.FromHours(1), time, cts.Token);

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    [Fact]
    public async Task Cold_starts_hold_the_refill_until_the_last_one_ends()
    {
        var cold = new ColdStarts();
        await cold.WhenNoneAsync(CancellationToken.None);

        var first = cold.Begin();
        var second = cold.Begin();
        var held = cold.WhenNoneAsync(CancellationToken.None);
        first.Dispose();
        first.Dispose();

        Assert.False(held.IsCompleted);
        Assert.Equal(1, cold.Waiting);
        second.Dispose();
        await held;
        Assert.Equal(0, cold.Waiting);
    }
}

namespace CodeCube.Adapters.Irc;

/// <summary>
/// Token bucket for outbound lines: <c>burst</c> lines at once, then one per <c>interval</c>. Waiters are served
/// in arrival order, so a busy channel queues instead of flooding the server off.
/// </summary>
public sealed class FloodLimiter
{
    private readonly int _burst;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _turn = new(1, 1);
    private readonly Lock _gate = new();
    // Credit in ticks of elapsed time: integer maths, so a fake clock advanced by exactly one interval frees a line.
    private long _credit;
    private long _stamp;

    public FloodLimiter(int burst, TimeSpan interval, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(burst, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        _burst = burst;
        _interval = interval;
        _time = time;
        _credit = interval.Ticks * burst;
        _stamp = time.GetTimestamp();
    }

    /// <summary>Waits for a token, in order with other waiters.</summary>
    public async Task WaitAsync(CancellationToken ct)
    {
        await _turn.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            while (true)
            {
                var wait = TryTakeOrWaitTime();
                if (wait is null)
                {
                    return;
                }
                await Task.Delay(wait.Value, _time, ct).ConfigureAwait(false);
            }
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>Takes a token only if one is free now (for answers we may drop, such as CTCP replies).</summary>
    public bool TryTake() => TryTakeOrWaitTime() is null;

    private TimeSpan? TryTakeOrWaitTime()
    {
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            var elapsed = _time.GetElapsedTime(_stamp, now);
            _stamp = now;
            _credit = Math.Min(_interval.Ticks * _burst, _credit + elapsed.Ticks);
            if (_credit >= _interval.Ticks)
            {
                _credit -= _interval.Ticks;
                return null;
            }
            return TimeSpan.FromTicks(_interval.Ticks - _credit);
        }
    }
}

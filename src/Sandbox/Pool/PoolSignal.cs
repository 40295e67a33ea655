namespace CodeCube.Sandbox.Pool;

/// <summary>
/// Wakes the refill loop: <see cref="Set"/> any number of times, one <see cref="WaitAsync"/> returns early. The wait
/// is on a <see cref="TimeProvider"/>, so tests can move time instead of sleeping.
/// </summary>
internal sealed class PoolSignal
{
    private TaskCompletionSource _pending = New();

    public void Set() => Volatile.Read(ref _pending).TrySetResult();

    /// <summary>Returns when set or after <paramref name="timeout"/>; throws only on cancellation.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken ct)
    {
        var current = Volatile.Read(ref _pending);
        try
        {
            await current.Task.WaitAsync(timeout, time, ct).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // A tick: the caller re-decides anyway.
        }

        // Re-armed before the caller's pass, so a Set during that pass wakes the next wait.
        if (current.Task.IsCompleted)
        {
            Interlocked.CompareExchange(ref _pending, New(), current);
        }
    }

    private static TaskCompletionSource New() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

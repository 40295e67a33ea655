namespace CodeCube.Sandbox.Pool;

/// <summary>
/// Counts runs that found the pool empty and are starting their own container, so the refill waits for them:
/// on 2 cores the engine starts only a few containers at once, and a waiting user comes before a future one.
/// </summary>
internal sealed class ColdStarts
{
    private readonly Lock gate = new();
    private int waiting;
    private TaskCompletionSource none = Done();

    public int Waiting
    {
        get
        {
            lock (gate)
            {
                return waiting;
            }
        }
    }

    public IDisposable Begin()
    {
        lock (gate)
        {
            if (waiting++ == 0)
            {
                none = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        return new Release(this);
    }

    /// <summary>Completes when no run is starting a container.</summary>
    public Task WhenNoneAsync(CancellationToken ct)
    {
        lock (gate)
        {
            return none.Task.WaitAsync(ct);
        }
    }

    private void End()
    {
        lock (gate)
        {
            if (--waiting == 0)
            {
                none.TrySetResult();
            }
        }
    }

    private static TaskCompletionSource Done()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        done.SetResult();
        return done;
    }

    private sealed class Release(ColdStarts owner) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                owner.End();
            }
        }
    }
}

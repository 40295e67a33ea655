namespace CodeCube.Sandbox.Pool;

/// <summary>
/// Counts runs that found the pool empty and are starting their own container, so the refill waits for them:
/// on 2 cores the engine starts only a few containers at once, and a waiting user comes before a future one.
/// </summary>
internal sealed class ColdStarts
{
    private readonly Lock _gate = new();
    private int _waiting;
    private TaskCompletionSource _none = Done();

    public int Waiting
    {
        get
        {
            lock (_gate)
            {
                return _waiting;
            }
        }
    }

    public IDisposable Begin()
    {
        lock (_gate)
        {
            if (_waiting++ == 0)
            {
                _none = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        return new Release(this);
    }

    /// <summary>Completes when no run is starting a container.</summary>
    public Task WhenNoneAsync(CancellationToken ct)
    {
        lock (_gate)
        {
            return _none.Task.WaitAsync(ct);
        }
    }

    private void End()
    {
        lock (_gate)
        {
            if (--_waiting == 0)
            {
                _none.TrySetResult();
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
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                owner.End();
            }
        }
    }
}

using CodeCube.Core.Options;
using Microsoft.Extensions.Options;

namespace CodeCube.Core.Quotas;

/// <summary>
/// The global limit on runs: at most MaxConcurrentRuns at once and MaxQueuedRuns waiting for a slot; anything
/// beyond is refused at once so the caller can say "busy". Shared by every front end that runs code.
/// </summary>
public sealed class RunGate(IOptions<PipelineOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(options.Value.MaxConcurrentRuns, options.Value.MaxConcurrentRuns);
    private readonly Lock _counts = new();
    private int _admitted;

    /// <summary>Runs executing now.</summary>
    public int Running => Math.Min(Volatile.Read(ref _admitted), options.Value.MaxConcurrentRuns);

    /// <summary>Runs waiting for a slot.</summary>
    public int Waiting => Math.Max(Volatile.Read(ref _admitted) - options.Value.MaxConcurrentRuns, 0);

    /// <summary>
    /// Waits for a run slot; null at once when the queue is full. Dispose the slot when the run is over.
    /// </summary>
    public async ValueTask<IDisposable?> TryEnterAsync(CancellationToken ct)
    {
        lock (_counts)
        {
            if (_admitted >= options.Value.MaxConcurrentRuns + options.Value.MaxQueuedRuns)
            {
                return null;
            }

            _admitted++;
        }

        try
        {
            await _slots.WaitAsync(ct).ConfigureAwait(false);
        }
        catch
        {
            Leave();
            throw;
        }

        return new Slot(this);
    }

    public void Dispose() => _slots.Dispose();

    private void Leave()
    {
        lock (_counts)
        {
            _admitted--;
        }
    }

    private sealed class Slot(RunGate gate) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                gate._slots.Release();
                gate.Leave();
            }
        }
    }
}

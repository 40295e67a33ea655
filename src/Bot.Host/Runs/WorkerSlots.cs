using Microsoft.Extensions.Options;

namespace CodeCube.Host.Runs;

/// <summary>
/// The run slots of this process's sandbox worker (<c>Worker:Concurrency</c>), shared by the stream consumer
/// (<see cref="RunWorker"/>) and, on a host with a local worker, by <see cref="QueuedSandbox"/>'s direct path: a run
/// skips the stream (about 7 ms of Redis round trips and pub/sub hops on a warm run) when this worker has a free slot
/// and has caught up with the stream, i.e. its last read found nothing and no host announced a run since. Anything
/// queued by any host therefore still goes first, in stream order, and a run the local worker could not start at once
/// queues as before.
/// </summary>
internal sealed class WorkerSlots(IOptions<WorkerOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _free = new(options.Value.EffectiveConcurrency);
    // Runs hosts announced (nudges seen), and that count as of the consumer's last read that found nothing.
    private long _announced;
    private long _caughtUpAt = -1;
    private int _direct;
    private long _directDone;

    /// <summary>Runs this worker executes now without the stream.</summary>
    public int Direct => Volatile.Read(ref _direct);

    /// <summary>Runs this worker finished without the stream since it started.</summary>
    public long DirectDone => Interlocked.Read(ref _directDone);

    /// <summary>How many runs hosts have announced so far; read before a read of the stream.</summary>
    public long Announced => Interlocked.Read(ref _announced);

    public Task WaitAsync(CancellationToken ct) => _free.WaitAsync(ct);

    public void Release() => _free.Release();

    /// <summary>A host announced a run on the stream: it goes before direct runs until a read finds nothing again.</summary>
    public void Announce() => Interlocked.Increment(ref _announced);

    /// <summary>
    /// A read of the stream came back empty. <paramref name="asOf"/> is <see cref="Announced"/> from before the read, so
    /// a run announced while the read was under way keeps the worker behind.
    /// </summary>
    public void CaughtUp(long asOf) => Interlocked.Exchange(ref _caughtUpAt, asOf);

    /// <summary>No run announced since the consumer's last empty read: a direct run jumps no queue.</summary>
    public bool IsCaughtUp => Interlocked.Read(ref _caughtUpAt) == Interlocked.Read(ref _announced);

    /// <summary>A slot for a run that skips the stream, if the worker is caught up and one is free now.</summary>
    public bool TryTakeDirect()
    {
        if (!IsCaughtUp || !_free.Wait(0))
        {
            return false;
        }

        Interlocked.Increment(ref _direct);
        return true;
    }

    public void EndDirect()
    {
        Interlocked.Decrement(ref _direct);
        Interlocked.Increment(ref _directDone);
        _free.Release();
    }

    public void Dispose() => _free.Dispose();
}

using CodeCube.Core.Options;
using Microsoft.Extensions.Options;

namespace CodeCube.Core.Quotas;

/// <summary>Why <see cref="RunGate.TryAdmit"/> said no.</summary>
public enum RunRefusalReason
{
    /// <summary>Every slot is taken and the queue is full.</summary>
    Busy,

    /// <summary>This client already has MaxRunsPerClient runs admitted.</summary>
    ClientBusy,
}

public static class RunRefusalReasonExtensions
{
    /// <summary>The reason as metrics and logs spell it: busy, client_busy.</summary>
    public static string ToWire(this RunRefusalReason reason) =>
        reason == RunRefusalReason.ClientBusy ? "client_busy" : "busy";
}

/// <summary>A refusal, with what to tell the client: why, and when trying again makes sense.</summary>
public sealed record RunRefusal(RunRefusalReason Reason, TimeSpan RetryAfter, int Running, int Waiting);

/// <summary>
/// The one run budget of the process: at most MaxConcurrentRuns containers at once, MaxQueuedRuns waiting for a
/// slot and MaxRunsPerClient admitted per client; anything beyond is refused at once, before any work starts (so
/// the web can answer 503 before a stream begins). Every executor of runs takes a <see cref="RunTicket"/> here:
/// chat, the web API and any future queue worker; <see cref="Contracts.IRunService"/> cannot be called without one.
/// </summary>
public sealed class RunGate(IOptions<PipelineOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(options.Value.MaxConcurrentRuns, options.Value.MaxConcurrentRuns);
    private readonly Dictionary<string, int> _perClient = new(StringComparer.Ordinal);
    private readonly Lock _counts = new();
    private int _admitted;

    /// <summary>Runs holding a slot now.</summary>
    public int Running => options.Value.MaxConcurrentRuns - _slots.CurrentCount;

    /// <summary>Runs admitted but not (yet) holding a slot.</summary>
    public int Waiting
    {
        get
        {
            lock (_counts)
            {
                return Math.Max(_admitted - Running, 0);
            }
        }
    }

    /// <summary>
    /// Admits a run for <paramref name="client"/> (a platform user, or a web client's address) or refuses it at
    /// once. Never waits: the slot itself is awaited with <see cref="RunTicket.WaitForSlotAsync"/>.
    /// </summary>
    public bool TryAdmit(string client, out RunTicket ticket, out RunRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(client);
        var o = options.Value;
        lock (_counts)
        {
            var mine = _perClient.GetValueOrDefault(client);
            RunRefusalReason? reason =
                _admitted >= o.MaxConcurrentRuns + o.MaxQueuedRuns ? RunRefusalReason.Busy
                : o.MaxRunsPerClient > 0 && mine >= o.MaxRunsPerClient ? RunRefusalReason.ClientBusy
                : null;
            if (reason is { } r)
            {
                ticket = null!;
                refusal = new RunRefusal(r, o.RetryAfter, Math.Min(_admitted, o.MaxConcurrentRuns),
                    Math.Max(_admitted - o.MaxConcurrentRuns, 0));
                return false;
            }

            _admitted++;
            _perClient[client] = mine + 1;
        }

        ticket = new RunTicket(this, client);
        refusal = null!;
        return true;
    }

    public void Dispose() => _slots.Dispose();

    internal Task WaitAsync(CancellationToken ct) => _slots.WaitAsync(ct);

    internal void ReleaseSlot() => _slots.Release();

    internal void Leave(string client)
    {
        lock (_counts)
        {
            _admitted--;
            if (_perClient[client] <= 1)
            {
                _perClient.Remove(client);
            }
            else
            {
                _perClient[client]--;
            }
        }
    }
}

/// <summary>
/// An admitted run. Wait for the slot right before a container is needed (a cached answer needs none), and
/// dispose when the run is over: that gives the slot and the client's place back. Disposing twice is harmless.
/// </summary>
public sealed class RunTicket : IDisposable
{
    private readonly RunGate _gate;
    private readonly string _client;
    private int _state; // 0 admitted, 1 holds a slot, 2 disposed

    internal RunTicket(RunGate gate, string client) => (_gate, _client) = (gate, client);

    public bool HoldsSlot => Volatile.Read(ref _state) == 1;

    /// <summary>Waits for one of the MaxConcurrentRuns slots. Calling it again once held returns at once.</summary>
    public async Task WaitForSlotAsync(CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _state) == 2, this);
        if (HoldsSlot)
        {
            return;
        }

        await _gate.WaitAsync(ct).ConfigureAwait(false);
        if (Interlocked.CompareExchange(ref _state, 1, 0) != 0)
        {
            // Disposed while waiting: hand the slot straight back.
            _gate.ReleaseSlot();
            throw new ObjectDisposedException(nameof(RunTicket));
        }
    }

    public void Dispose()
    {
        var was = Interlocked.Exchange(ref _state, 2);
        if (was == 1)
        {
            _gate.ReleaseSlot();
        }

        if (was != 2)
        {
            _gate.Leave(_client);
        }
    }
}

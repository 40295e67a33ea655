namespace CodeCube.Adapters.Irc;

/// <summary>
/// The replies one connection still has to write, in one queue per target, with the targets taking turns a line
/// at a time (round robin): a one-line reply to #b goes out after at most one more line of a twenty-line reply to
/// #a, not after all of it, while the flood limiter paces the link. Within a target nothing is interleaved: a reply
/// goes out whole, after the replies to that target queued before it. Holds at most <c>capacity</c> replies
/// (waiting or being written); past that a caller waits to add one (back-pressure, never loss).
/// </summary>
/// <remarks>Any number of callers may add; one sender takes turns (<see cref="NextTurnAsync"/>, then
/// <see cref="EndTurn"/>).</remarks>
internal sealed class OutboundQueue(int capacity)
{
    private readonly SemaphoreSlim _slots = new(capacity, capacity);
    // Counts the targets in _turns, so the sender waits for a turn without polling.
    private readonly SemaphoreSlim _ready = new(0);
    private readonly Lock _gate = new();
    // IRC names are case-insensitive: replies to #A and #a go to one channel and must not interleave there.
    private readonly Dictionary<string, Queue<OutboundReply>> _byTarget = new(StringComparer.OrdinalIgnoreCase);
    // Targets with a reply waiting, in turn order; the target whose turn it is stays out until its turn ends.
    private readonly Queue<string> _turns = new();

    /// <summary>Adds a reply behind the others to its target once a slot is free.</summary>
    public async Task AddAsync(OutboundReply reply, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reply);
        await _slots.WaitAsync(ct).ConfigureAwait(false);
        lock (_gate)
        {
            if (_byTarget.TryGetValue(reply.Target, out var waiting))
            {
                // The target already has a turn coming (or is having it): the reply waits behind the others.
                waiting.Enqueue(reply);
                return;
            }
            _byTarget.Add(reply.Target, new Queue<OutboundReply>([reply]));
            _turns.Enqueue(reply.Target);
            _ready.Release();
        }
    }

    /// <summary>Waits for the next target's turn and returns the reply its next line comes from.</summary>
    public async Task<OutboundReply> NextTurnAsync(CancellationToken ct)
    {
        await _ready.WaitAsync(ct).ConfigureAwait(false);
        lock (_gate)
        {
            return _byTarget[_turns.Dequeue()].Peek();
        }
    }

    /// <summary>
    /// Ends the turn of <paramref name="reply"/>'s target. A reply with every line written, or that failed with
    /// <paramref name="failure"/>, is completed and frees its slot; the target goes to the back of the turns while it
    /// has lines left.
    /// </summary>
    public void EndTurn(OutboundReply reply, Exception? failure = null)
    {
        ArgumentNullException.ThrowIfNull(reply);
        lock (_gate)
        {
            var waiting = _byTarget[reply.Target];
            if (failure is not null || reply.Written)
            {
                waiting.Dequeue();
                _slots.Release();
                _ = failure is null ? reply.Done.TrySetResult() : reply.Done.TrySetException(failure);
            }
            if (waiting.Count == 0)
            {
                _byTarget.Remove(reply.Target);
                return;
            }
            _turns.Enqueue(reply.Target);
            _ready.Release();
        }
    }

    /// <summary>Fails every reply held (the client stopped); the sender of a later run starts on an empty queue.</summary>
    public void FailAll(Exception failure)
    {
        lock (_gate)
        {
            var held = _byTarget.Values.SelectMany(waiting => waiting).ToList();
            _byTarget.Clear();
            _turns.Clear();
            while (_ready.Wait(0))
            {
            }
            // Only once the queue is empty: a freed slot lets a waiting caller add its reply for the next run.
            foreach (var reply in held)
            {
                reply.Done.TrySetException(failure);
                _slots.Release();
            }
        }
    }
}

/// <summary>One reply's lines and how far the sender got with them (only the sender moves <see cref="Next"/>).</summary>
internal sealed class OutboundReply(string target, IReadOnlyList<string> lines, bool awaitJoin)
{
    public string Target { get; } = target;

    public IReadOnlyList<string> Lines { get; } = lines;

    /// <summary>The index of the next line to write.</summary>
    public int Next { get; set; }

    /// <summary>Whether a JOIN to <see cref="Target"/> is still worth waiting for before the next line.</summary>
    public bool AwaitJoin { get; set; } = awaitJoin;

    public bool Written => Next >= Lines.Count;

    /// <summary>Completes when the last line was written, or fails with why the reply was not sent.</summary>
    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

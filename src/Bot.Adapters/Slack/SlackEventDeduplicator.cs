namespace CodeCube.Adapters.Slack;

/// <summary>
/// Remembers event ids seen recently, so a retried delivery (HTTP X-Slack-Retry-Num, a Socket Mode envelope
/// redelivered, or the same event on two sockets during a refresh) is handled once.
/// </summary>
internal sealed class SlackEventDeduplicator(TimeProvider time)
{
    // Slack retries over about five minutes; an hour leaves a wide margin. The cap bounds memory under floods.
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);
    private const int Capacity = 50_000;

    private readonly Lock _gate = new();
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Queue<(string Id, DateTimeOffset At)> _order = new();

    /// <summary>True the first time an id is offered; false for every repeat inside the window.</summary>
    public bool TryFirstSeen(string id)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            while (_order.Count > 0 && (now - _order.Peek().At > Window || _order.Count >= Capacity))
            {
                _seen.Remove(_order.Dequeue().Id);
            }

            if (!_seen.Add(id))
            {
                return false;
            }

            _order.Enqueue((id, now));
            return true;
        }
    }
}

namespace CodeCube.Adapters.Discord.Gateway;

/// <summary>Discord allows 120 gateway sends per 60 s per connection; past that it closes with 4008.</summary>
internal sealed class GatewaySendLimiter(TimeProvider time, int limit = 120, TimeSpan? window = null)
{
    private readonly TimeSpan _window = window ?? TimeSpan.FromSeconds(60);
    private readonly Queue<DateTimeOffset> _sent = new();

    /// <summary>Waits until one more send fits in the window and records it. Callers serialise sends.</summary>
    public async Task WaitAsync(CancellationToken ct)
    {
        while (true)
        {
            var now = time.GetUtcNow();
            while (_sent.Count > 0 && now - _sent.Peek() >= _window)
            {
                _sent.Dequeue();
            }

            if (_sent.Count < limit)
            {
                _sent.Enqueue(now);
                return;
            }

            await Task.Delay(_sent.Peek() + _window - now, time, ct).ConfigureAwait(false);
        }
    }
}

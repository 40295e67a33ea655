namespace CodeCube.Adapters.Discord.Gateway;

/// <summary>Discord allows 120 gateway sends per 60 s per connection; past that it closes with 4008.</summary>
internal sealed class GatewaySendLimiter(TimeProvider time, int limit = 120, TimeSpan? window = null)
{
    private readonly TimeSpan window = window ?? TimeSpan.FromSeconds(60);
    private readonly Queue<DateTimeOffset> sent = new();

    /// <summary>Waits until one more send fits in the window and records it. Callers serialise sends.</summary>
    public async Task WaitAsync(CancellationToken ct)
    {
        while (true)
        {
            var now = time.GetUtcNow();
            while (sent.Count > 0 && now - sent.Peek() >= window)
            {
                sent.Dequeue();
            }

            if (sent.Count < limit)
            {
                sent.Enqueue(now);
                return;
            }

            await Task.Delay(sent.Peek() + window - now, time, ct);
        }
    }
}

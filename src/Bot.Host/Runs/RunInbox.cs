using System.Collections.Concurrent;
using System.Text.Json;
using StackExchange.Redis;

namespace CodeCube.Host.Runs;

/// <summary>
/// This host's events channel (<c>…:events:{host}</c>): one subscription for all its queued runs, made by the first
/// run and kept (the multiplexer renews it after a reconnect), so a run pays no SUBSCRIBE round trip. A run's stream
/// entry names the host; its worker sends every event of the run there, each naming the run.
/// </summary>
internal sealed class RunInbox(IConnectionMultiplexer redis, RunQueueKeys keys)
{
    private readonly ConcurrentDictionary<string, RunWatch> _runs = new();
    private readonly Lock _gate = new();
    private Task? _subscribed;

    public string Host { get; } = Guid.NewGuid().ToString("N");

    public void Listen(string runId, RunWatch watch) => _runs[runId] = watch;

    public void Forget(string runId) => _runs.TryRemove(runId, out _);

    /// <summary>Completes once the channel is subscribed: at once after the first run, unless that subscribe failed.</summary>
    public Task ReadyAsync()
    {
        lock (_gate)
        {
            if (_subscribed is null || _subscribed.IsFaulted || _subscribed.IsCanceled)
            {
                _subscribed = SubscribeAsync();
            }

            return _subscribed;
        }
    }

    private async Task SubscribeAsync()
    {
        // A queue, not a handler: its messages come in order, so a run's output chunks do too.
        var queue = await redis.GetSubscriber().SubscribeAsync(keys.Events(Host)).ConfigureAwait(false);
        queue.OnMessage(message => Route(message.Message));
    }

    private void Route(RedisValue message)
    {
        try
        {
            if (JsonSerializer.Deserialize((string)message!, QueueJson.Default.RunEvent) is { Run: { } run } e
                && _runs.TryGetValue(run, out var watch))
            {
                watch.On(e);
            }
        }
        catch (Exception ex) when (ex is JsonException or ObjectDisposedException)
        {
            // A malformed event, or one for a run that ended meanwhile: the other runs' events must keep coming.
        }
    }
}

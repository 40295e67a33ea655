using System.Text.Json;
using StackExchange.Redis;

namespace CodeCube.Host.Runs;

/// <summary>
/// The worker's signs of life: its status key (expires after three missed beats), and a fresh idle time on the
/// runs it executes (XCLAIM to itself), so only the runs of a silent worker become claimable. Also removes
/// consumers of departed workers once they hold no pending runs.
/// </summary>
internal sealed partial class RunWorker
{
    private TimeSpan StatusTtl => Options.HeartbeatInterval * 3;

    private async Task HeartbeatAsync(CancellationToken ct)
    {
        var beats = 0;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Options.HeartbeatInterval, time, ct).ConfigureAwait(false);
                await BeatAsync().ConfigureAwait(false);
                if (++beats % 5 == 0)
                {
                    await RemoveDepartedConsumersAsync().ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (RedisException ex)
            {
                logger.LoopFailed(ex, Options.HeartbeatInterval);
            }
        }
    }

    private async Task BeatAsync()
    {
        var db = redis.GetDatabase();
        var status = new WorkerStatus(Name, _started, time.GetUtcNow(), _inFlight.Count + slots.Direct,
            Interlocked.Read(ref _completed) + slots.DirectDone,
            languages.All.Select(l => l.Id).ToList());
        await db.StringSetAsync(keys.Worker(Name), JsonSerializer.Serialize(status, QueueJson.Default.WorkerStatus), StatusTtl)
            .ConfigureAwait(false);
        await db.SetAddAsync(keys.Workers, Name).ConfigureAwait(false);
        var mine = _inFlight.Keys.Select(id => (RedisValue)id).ToArray();
        if (mine.Length > 0)
        {
            await db.StreamClaimIdsOnlyAsync(keys.Stream, keys.Group, Name, 0, mine).ConfigureAwait(false);
        }
    }

    private async Task RemoveDepartedConsumersAsync()
    {
        var db = redis.GetDatabase();
        foreach (var consumer in await db.StreamConsumerInfoAsync(keys.Stream, keys.Group).ConfigureAwait(false))
        {
            if (consumer.Name != Name && consumer.PendingMessageCount == 0
                && !await db.KeyExistsAsync(keys.Worker(consumer.Name)).ConfigureAwait(false))
            {
                await db.StreamDeleteConsumerAsync(keys.Stream, keys.Group, consumer.Name).ConfigureAwait(false);
                await db.SetRemoveAsync(keys.Workers, consumer.Name).ConfigureAwait(false);
                logger.ConsumerRemoved(consumer.Name, keys.Group);
            }
        }
    }

    private async Task LeaveAsync()
    {
        try
        {
            var db = redis.GetDatabase();
            await db.KeyDeleteAsync(keys.Worker(Name)).ConfigureAwait(false);
            await db.SetRemoveAsync(keys.Workers, Name).ConfigureAwait(false);
            var pending = await db.StreamPendingAsync(keys.Stream, keys.Group).ConfigureAwait(false);
            if (pending.Consumers.All(c => c.Name != Name || c.PendingMessageCount == 0))
            {
                await db.StreamDeleteConsumerAsync(keys.Stream, keys.Group, Name).ConfigureAwait(false);
            }
        }
        catch (RedisException ex)
        {
            logger.LoopFailed(ex, TimeSpan.Zero);
        }
    }
}

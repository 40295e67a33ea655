using System.Text.Json;
using CodeCube.Core.Contracts;
using CodeCube.Core.Running;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CodeCube.Host.Runs;

/// <summary>
/// <see cref="ISandbox"/> on the host: puts the run on the stream, relays the worker's live output (its events come on
/// this host's one channel, <see cref="RunInbox"/>), and returns the one answer, which the done event carries; or, when
/// this host's own worker has a free slot and nothing waits on the stream, runs it in this process at once
/// (<see cref="WorkerSlots"/>). A run nobody starts (or whose worker stops showing life) for <c>Runs:QueueTimeout</c>
/// is withdrawn, atomically with any worker's answer (SET NX on the result key; a worker publishes done only if its
/// SET wrote the answer), and the caller gets <see cref="SandboxUnavailableException"/>.
/// </summary>
internal sealed class QueuedSandbox(
    IConnectionMultiplexer redis,
    RunQueueKeys keys,
    ISandbox? local,
    WorkerSlots? localSlots,
    IOptions<RunsOptions> options,
    TimeProvider time,
    RunMetrics metrics,
    ILogger<QueuedSandbox> logger) : ISandbox
{
    internal const string Withdrawn = "withdrawn";

    // Pub/sub is the fast path; this slow check of the result key and the worker's heartbeat covers a lost message.
    private static readonly TimeSpan Check = TimeSpan.FromSeconds(1);

    private readonly RunInbox _inbox = new(redis, keys);

    public async Task<RunResult> RunAsync(RunRequest request, IProgress<OutputChunk>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var o = options.Value;
        if (local is not null && !redis.IsConnected)
        {
            // Redis down: without a queue only this process can run code, and it has the same sandbox.
            logger.RanLocallyWithoutRedis(request.Language);
            return await local.RunAsync(request, progress, ct).ConfigureAwait(false);
        }

        // The slots exist only where the local worker does (AddRunWorker registers them).
        if (localSlots is not null && local is not null && localSlots.TryTakeDirect())
        {
            // This process's worker is free and nothing waits on the stream: the run would come straight back here.
            metrics.Waited(TimeSpan.Zero, WaitQueue.RunQueue);
            try
            {
                return await local.RunAsync(request, progress, ct).ConfigureAwait(false);
            }
            finally
            {
                localSlots.EndDirect();
            }
        }

        var runId = Guid.NewGuid().ToString("N");
        var db = redis.GetDatabase();
        using var watch = new RunWatch(time, progress);
        _inbox.Listen(runId, watch);
        try
        {
            await _inbox.ReadyAsync().ConfigureAwait(false);
            var enqueuedAt = time.GetUtcNow().ToUnixTimeMilliseconds();
            var added = db.StreamAddAsync(keys.Stream,
                [
                    new NameValueEntry("id", runId),
                    new NameValueEntry("req", JsonSerializer.Serialize(request, QueueJson.Default.RunRequest)),
                    new NameValueEntry("at", enqueuedAt),
                    new NameValueEntry("host", _inbox.Host),
                ],
                maxLength: o.StreamMaxLength, useApproximateMaxLength: true);
            // Sent right behind the XADD on the same connection, so Redis runs them in order without a round trip
            // between them: a nudged worker finds the entry.
            await redis.GetSubscriber().PublishAsync(keys.Nudge, runId, CommandFlags.FireAndForget).ConfigureAwait(false);
            var entryId = await added.ConfigureAwait(false);

            while (true)
            {
                await watch.WaitAsync(Check, ct).ConfigureAwait(false);
                // The done event carries the answer; the result key is read only on the slow check (a lost message,
                // or a worker that sends done without it).
                if ((watch.Answer ?? await StoredAnswerAsync(db, runId).ConfigureAwait(false)) is { } answer)
                {
                    metrics.Waited(TimeSpan.FromMilliseconds(answer.StartedAtMs - answer.EnqueuedAtMs), WaitQueue.RunQueue);
                    return answer.Result;
                }

                if (watch.Worker is { } worker && await db.KeyExistsAsync(keys.Worker(worker)).ConfigureAwait(false))
                {
                    watch.Alive();
                }

                if (watch.SilentFor < o.QueueTimeout)
                {
                    continue;
                }

                if (await db.StringSetAsync(keys.Result(runId), Withdrawn, o.QueueTimeout * 4, When.NotExists).ConfigureAwait(false))
                {
                    await db.StreamDeleteAsync(keys.Stream, [entryId]).ConfigureAwait(false);
                    logger.NoWorker(runId, o.QueueTimeout);
                    throw new SandboxUnavailableException();
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The caller left (client gone, shutdown): a run not started yet is withdrawn, a running one is stopped by
            // its worker, as a direct run's container would be. Sent without waiting: the caller is already gone. The
            // marker goes first and PUBLISH rides the same interactive connection, so a worker that registers the run
            // after the cancel went by still finds the marker (RunWorker registers before it looks).
            _ = db.StringSetAsync(keys.Result(runId), Withdrawn, o.QueueTimeout * 4, When.NotExists, CommandFlags.FireAndForget);
            _ = redis.GetSubscriber().PublishAsync(keys.Cancel, runId, CommandFlags.FireAndForget);
            throw;
        }
        finally
        {
            _inbox.Forget(runId);
        }
    }

    private async Task<RunAnswer?> StoredAnswerAsync(IDatabase db, string runId)
    {
        var stored = await db.StringGetAsync(keys.Result(runId)).ConfigureAwait(false);
        return stored.HasValue && stored != Withdrawn
            ? JsonSerializer.Deserialize((string)stored!, QueueJson.Default.RunAnswer)
            : null;
    }
}

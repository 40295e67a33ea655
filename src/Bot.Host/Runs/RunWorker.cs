using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using CodeCube.Core.Contracts;
using CodeCube.Sandbox;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CodeCube.Host.Runs;

/// <summary>
/// A sandbox worker: takes runs from the stream through the consumer group, runs them in the Docker sandbox and
/// writes the one answer (SET NX). The multiplexer has no blocking reads, so an idle worker wakes on a pub/sub nudge
/// from the host, or after <c>Runs:HeartbeatInterval</c> at the latest, when it also claims runs whose worker went
/// silent (XAUTOCLAIM). Unfinished runs stay pending when it stops, for another worker to claim.
/// </summary>
internal sealed partial class RunWorker(
    IConnectionMultiplexer redis,
    RunQueueKeys keys,
    [FromKeyedServices(SandboxServiceCollectionExtensions.DockerSandboxKey)] ISandbox sandbox,
    ILanguageRegistry languages,
    WorkerSlots slots,
    IOptions<RunsOptions> options,
    IOptions<WorkerOptions> worker,
    TimeProvider time,
    ILogger<RunWorker> logger) : BackgroundService
{
    // Stream entry id → run id, for the runs this worker is executing now.
    private readonly ConcurrentDictionary<string, string> _inFlight = new();
    // Run id → cancelled when the caller gave up on it (keys.Cancel), so its container goes as a direct run's would.
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _callers = new();
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly DateTimeOffset _started = time.GetUtcNow();
    private long _completed;

    private string Name => worker.Value.EffectiveName;

    private RunsOptions Options => options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var concurrency = worker.Value.EffectiveConcurrency;
        var nudges = await redis.GetSubscriber().SubscribeAsync(keys.Nudge).ConfigureAwait(false);
        nudges.OnMessage(_ =>
        {
            slots.Announce();
            _wake.Writer.TryWrite(true);
        });
        var cancels = await redis.GetSubscriber().SubscribeAsync(keys.Cancel).ConfigureAwait(false);
        cancels.OnMessage(message =>
        {
            if (_callers.TryGetValue((string)message.Message!, out var caller))
            {
                caller.Cancel();
            }
        });
        await JoinAsync().ConfigureAwait(false);
        logger.WorkerStarted(Name, keys.Group, concurrency);
        var heartbeat = HeartbeatAsync(stoppingToken);
        var running = new List<Task>();
        var lastClaim = long.MinValue;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await slots.WaitAsync(stoppingToken).ConfigureAwait(false);
                StreamEntry? entry = null;
                try
                {
                    var asOf = slots.Announced;
                    if (lastClaim == long.MinValue || time.GetElapsedTime(lastClaim) >= Options.HeartbeatInterval)
                    {
                        entry = await ClaimAsync().ConfigureAwait(false);
                        if (entry is null)
                        {
                            lastClaim = time.GetTimestamp();
                        }
                    }

                    entry ??= await ReadAsync().ConfigureAwait(false);
                    if (entry is null)
                    {
                        slots.CaughtUp(asOf);
                    }
                }
                catch (RedisException ex)
                {
                    logger.LoopFailed(ex, Options.HeartbeatInterval);
                }

                if (entry is not { } taken)
                {
                    slots.Release();
                    await WaitForWorkAsync(stoppingToken).ConfigureAwait(false);
                    continue;
                }

                running.RemoveAll(t => t.IsCompleted);
                running.Add(RunOneAsync(taken, stoppingToken));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await Task.WhenAll(running).ConfigureAwait(false);
            await heartbeat.ConfigureAwait(false);
            await nudges.UnsubscribeAsync().ConfigureAwait(false);
            await LeaveAsync().ConfigureAwait(false);
        }
    }

    private async Task JoinAsync()
    {
        try
        {
            await redis.GetDatabase().StreamCreateConsumerGroupAsync(keys.Stream, keys.Group, "0-0", createStream: true)
                .ConfigureAwait(false);
        }
        catch (RedisServerException e) when (e.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
        {
            // Another worker created it first.
        }

        await BeatAsync().ConfigureAwait(false);
    }

    private async Task<StreamEntry?> ClaimAsync()
    {
        var claimed = await redis.GetDatabase().StreamAutoClaimAsync(keys.Stream, keys.Group, Name,
            (long)Options.ClaimAfter.TotalMilliseconds, "0-0", 1).ConfigureAwait(false);
        if (claimed.ClaimedEntries is [var entry, ..] && !entry.IsNull)
        {
            logger.Claimed(Name, (string?)entry["id"] ?? "?", "a silent worker");
            return entry;
        }

        return null;
    }

    private async Task<StreamEntry?> ReadAsync()
    {
        var entries = await redis.GetDatabase().StreamReadGroupAsync(keys.Stream, keys.Group, Name, ">", 1)
            .ConfigureAwait(false);
        return entries is [var entry, ..] ? entry : null;
    }

    private async Task WaitForWorkAsync(CancellationToken ct)
    {
        using var poll = CancellationTokenSource.CreateLinkedTokenSource(ct);
        poll.CancelAfter(Options.HeartbeatInterval);
        try
        {
            await _wake.Reader.ReadAsync(poll.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // The slow poll: look at the stream anyway.
        }
    }

    private async Task RunOneAsync(StreamEntry entry, CancellationToken ct)
    {
        var runId = (string?)entry["id"] ?? "";
        try
        {
            await ExecuteEntryAsync(entry, runId, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping: the entry stays pending and another worker claims and reruns it.
        }
        catch (OperationCanceledException)
        {
            // The caller gave up and withdrew the run: nobody waits for an answer.
            await AcknowledgeAsync(entry.Id!, runId).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisException or JsonException)
        {
            logger.LoopFailed(ex, Options.HeartbeatInterval);
        }
        finally
        {
            _inFlight.TryRemove(entry.Id!, out _);
            slots.Release();
        }
    }

    private async Task ExecuteEntryAsync(StreamEntry entry, string runId, CancellationToken ct)
    {
        var request = JsonSerializer.Deserialize((string)entry["req"]!, QueueJson.Default.RunRequest)!;
        var enqueuedAt = (long)entry["at"];
        // Listen for the caller's cancel before looking for its withdrawal: the caller writes the marker before it
        // publishes the cancel, on one connection, so a cancel that comes before this registration left a marker
        // the check below sees, and one that comes after finds the run here. Either way it is not missed.
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(ct);
        _callers[runId] = caller;
        try
        {
            await ExecuteRegisteredAsync(entry, runId, request, enqueuedAt, caller.Token).ConfigureAwait(false);
        }
        finally
        {
            _callers.TryRemove(runId, out _);
        }
    }

    private async Task ExecuteRegisteredAsync(StreamEntry entry, string runId, RunRequest request, long enqueuedAt, CancellationToken ct)
    {
        var db = redis.GetDatabase();
        // The host's events channel; a host of an earlier version names none and listens on one per run.
        var events = keys.Events((string?)entry["host"] ?? runId);
        // Both commands are sent before either answer is awaited: one round trip on the run's critical path.
        var answered = db.KeyExistsAsync(keys.Result(runId));
        var attempts = db.StringIncrementAsync(keys.Attempts(runId));
        if (await answered.ConfigureAwait(false))
        {
            await attempts.ConfigureAwait(false);
            // Answered by an earlier delivery, or withdrawn by the host: nothing to run.
            await AcknowledgeAsync(entry.Id!, runId).ConfigureAwait(false);
            return;
        }

        var attempt = (int)await attempts.ConfigureAwait(false);
        await db.KeyExpireAsync(keys.Attempts(runId), TimeSpan.FromHours(1), CommandFlags.FireAndForget).ConfigureAwait(false);
        var startedAt = time.GetUtcNow().ToUnixTimeMilliseconds();
        if (attempt > Options.MaxDeliveries)
        {
            var dead = RunResult.SandboxError(request.Language, "",
                $"dead-lettered: delivered {Options.MaxDeliveries} times to sandbox workers and none finished it");
            await AnswerAsync(runId, events, new RunAnswer(dead, Name, enqueuedAt, startedAt)).ConfigureAwait(false);
            await db.StreamAddAsync(keys.DeadLetters, entry.Values, maxLength: Options.StreamMaxLength,
                useApproximateMaxLength: true).ConfigureAwait(false);
            logger.DeadLettered(runId, Options.MaxDeliveries);
            await AcknowledgeAsync(entry.Id!, runId).ConfigureAwait(false);
            return;
        }

        _inFlight[entry.Id!] = runId;
        PublishOutput(events, new RunEvent(RunEvent.Started, Name, attempt, Run: runId));
        var progress = new EventProgress(this, events, runId, Options.ProgressBytes);
        var result = await sandbox.RunAsync(request, progress, ct).ConfigureAwait(false);

        await AnswerAsync(runId, events, new RunAnswer(result, Name, enqueuedAt, startedAt)).ConfigureAwait(false);
        await AcknowledgeAsync(entry.Id!, runId).ConfigureAwait(false);
        Interlocked.Increment(ref _completed);
        logger.WorkerRan(Name, runId, attempt, startedAt - enqueuedAt);
    }

    // The one answer and its done event in one round trip: SET NX, and the event (which carries the answer) only if
    // this SET wrote it, so a rerun's or a withdrawn run's answer is neither stored nor sent.
    private const string AnswerScript = """
        if not redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 0 end
        redis.call('PUBLISH', ARGV[3], ARGV[4] .. ARGV[1] .. '}')
        return 1
        """;

    private static readonly TimeSpan AnswerTtl = TimeSpan.FromMinutes(10);

    private async Task AnswerAsync(string runId, RedisChannel events, RunAnswer answer)
    {
        var json = JsonSerializer.Serialize(answer, QueueJson.Default.RunAnswer);
        await redis.GetDatabase().ScriptEvaluateAsync(AnswerScript, [keys.Result(runId)],
            [json, (long)AnswerTtl.TotalMilliseconds, events.ToString(), RunEvent.DoneHead(Name, runId)]).ConfigureAwait(false);
    }

    private async Task AcknowledgeAsync(RedisValue entryId, string runId)
    {
        var db = redis.GetDatabase();
        // Sent together, in order, on one connection. Acknowledged entries are not kept: the stream holds only runs
        // still waiting or running.
        var acknowledged = db.StreamAcknowledgeAsync(keys.Stream, keys.Group, entryId);
        var deleted = db.StreamDeleteAsync(keys.Stream, [entryId]);
        await db.KeyDeleteAsync(keys.Attempts(runId), CommandFlags.FireAndForget).ConfigureAwait(false);
        await Task.WhenAll(acknowledged, deleted).ConfigureAwait(false);
    }

    // Fire and forget, still in order: everything goes over the one interactive connection.
    private void PublishOutput(RedisChannel events, RunEvent e) =>
        redis.GetSubscriber().Publish(events, JsonSerializer.Serialize(e, QueueJson.Default.RunEvent),
            CommandFlags.FireAndForget);

    /// <summary>Sends live output in order (one connection, fire and forget) until the byte cap; later chunks are dropped.</summary>
    private sealed class EventProgress(RunWorker owner, RedisChannel events, string runId, int capBytes) : IProgress<OutputChunk>
    {
        private long _sent;

        public void Report(OutputChunk value)
        {
            var bytes = System.Text.Encoding.UTF8.GetByteCount(value.Text);
            if (Interlocked.Add(ref _sent, bytes) > capBytes)
            {
                Interlocked.Exchange(ref _sent, capBytes + 1L);
                return;
            }

            owner.PublishOutput(events, new RunEvent(RunEvent.Output, Stream: value.Stream, Text: value.Text, Run: runId));
        }
    }
}

using CodeCube.Host.Runs;
using StackExchange.Redis;

namespace CodeCube.Host.Tests.Runs;

/// <summary>A caller that gives up on a queued run: the worker (real, on a real Redis) never keeps running it.</summary>
[Collection(RedisCollection.Name)]
public sealed class RunCancellationTests(RedisServerFixture fixture) : IDisposable
{
    private readonly QueueParts _parts = new();

    public void Dispose() => _parts.Dispose();

    [Fact]
    public async Task A_cancel_sent_while_the_worker_takes_the_run_stops_it()
    {
        var keys = new RunQueueKeys("cancel-" + Guid.NewGuid().ToString("N"));
        using var caller = new CancellationTokenSource();
        var withdrawn = new TaskCompletionSource();
        // The worker's redis: once it has asked whether the run was answered (no), and before it goes on, the
        // caller gives up and the cancel is published. This is the moment a worker that registers the run only
        // after its check would miss the cancel.
        var workerRedis = QueueParts.OnResultKey(fixture.Redis, keys, nameof(IDatabase.KeyExistsAsync),
            (key, answered) => GiveUpAfter((Task<bool>)answered!, key, caller, withdrawn));
        var sandbox = new HoldingSandbox();
        var worker = QueueParts.Worker(workerRedis, keys, sandbox);
        var queued = _parts.Host(fixture.Redis, keys);
        await worker.StartAsync(CancellationToken.None);
        try
        {
            var run = queued.RunAsync(new RunRequest("python", "while True: pass"), null, caller.Token);

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
            await withdrawn.Task.WaitAsync(Eventually.DefaultDeadline);
            await Eventually.TrueAsync(
                async () => await fixture.Redis.GetDatabase().StreamLengthAsync(keys.Stream) == 0 && sandbox.Running == 0,
                "the withdrawn run acknowledged and not running");
            Assert.Equal(sandbox.Started, sandbox.Cancelled);
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
            worker.Dispose();
        }
    }

    [Fact]
    public async Task A_caller_that_gives_up_mid_run_stops_the_worker_s_run()
    {
        var keys = new RunQueueKeys("cancel-" + Guid.NewGuid().ToString("N"));
        var sandbox = new HoldingSandbox();
        var worker = QueueParts.Worker(fixture.Redis, keys, sandbox);
        var queued = _parts.Host(fixture.Redis, keys);
        await worker.StartAsync(CancellationToken.None);
        try
        {
            using var caller = new CancellationTokenSource();
            var run = queued.RunAsync(new RunRequest("python", "while True: pass"), null, caller.Token);
            await Eventually.TrueAsync(() => sandbox.Running == 1, "the run started on the worker");

            await caller.CancelAsync();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
            await Eventually.TrueAsync(() => sandbox.Cancelled == 1 && sandbox.Running == 0, "the worker's run cancelled");
            await Eventually.TrueAsync(async () => await fixture.Redis.GetDatabase().StreamLengthAsync(keys.Stream) == 0,
                "the withdrawn run acknowledged");
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
            worker.Dispose();
        }
    }

    private async Task<bool> GiveUpAfter(Task<bool> answered, RedisKey result, CancellationTokenSource caller, TaskCompletionSource withdrawn)
    {
        var seen = await answered;
        if (!seen && !caller.IsCancellationRequested)
        {
            await caller.CancelAsync();
            await Eventually.TrueAsync(async () => await fixture.Redis.GetDatabase().KeyExistsAsync(result),
                "the caller's withdrawal marker");
            withdrawn.TrySetResult();
        }

        return seen;
    }

    /// <summary>Stands in for a container running an endless program: it ends only when its run is cancelled.</summary>
    private sealed class HoldingSandbox : ISandbox
    {
        private int _started;
        private int _running;
        private int _cancelled;

        public int Started => Volatile.Read(ref _started);

        public int Running => Volatile.Read(ref _running);

        public int Cancelled => Volatile.Read(ref _cancelled);

        public async Task<RunResult> RunAsync(RunRequest request, IProgress<OutputChunk>? progress, CancellationToken ct)
        {
            Interlocked.Increment(ref _started);
            Interlocked.Increment(ref _running);
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, ct);
                throw new InvalidOperationException("unreachable");
            }
            catch (OperationCanceledException)
            {
                Interlocked.Increment(ref _cancelled);
                throw;
            }
            finally
            {
                Interlocked.Decrement(ref _running);
            }
        }
    }
}

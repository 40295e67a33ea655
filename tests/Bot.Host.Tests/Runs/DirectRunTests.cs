using System.Text.Json;
using CodeCube.Host.Runs;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace CodeCube.Host.Tests.Runs;

/// <summary>
/// A host's own worker, free and caught up with the stream, runs a request in process; otherwise the run queues, in
/// stream order. Real Redis, real worker; the two paths get sandboxes of their own so the test sees which one ran.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class DirectRunTests(RedisServerFixture fixture) : IDisposable
{
    private readonly QueueParts _parts = new();

    public void Dispose() => _parts.Dispose();

    [Fact]
    public async Task A_free_caught_up_local_worker_runs_the_request_in_process_and_counts_it()
    {
        var keys = new RunQueueKeys("direct-" + Guid.NewGuid().ToString("N"));
        using var slots = new WorkerSlots(MsOptions.Create(QueueParts.Workers(keys, 1)));
        var viaStream = new GatedSandbox("stream", open: true);
        var direct = new GatedSandbox("direct", open: true);
        using var worker = QueueParts.Worker(fixture.Redis, keys, viaStream, slots, 1);
        await worker.StartAsync(CancellationToken.None);
        try
        {
            await Eventually.TrueAsync(() => slots.IsCaughtUp, "the worker's first read of the empty stream");

            var result = await _parts.Host(fixture.Redis, keys, direct, slots).RunAsync(new RunRequest("python", "print(1)"), null, CancellationToken.None);

            Assert.Equal("direct\n", result.Stdout);
            Assert.Equal(0, viaStream.Started);
            await Eventually.TrueAsync(async () => await Status(keys, QueueParts.WorkerName(keys)) is { InFlight: 0, Completed: 1 },
                "the worker's status to count the direct run");
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task With_every_slot_busy_a_run_queues_and_the_worker_takes_it_when_one_frees()
    {
        var keys = new RunQueueKeys("direct-" + Guid.NewGuid().ToString("N"));
        using var slots = new WorkerSlots(MsOptions.Create(QueueParts.Workers(keys, 1)));
        var viaStream = new GatedSandbox("stream", open: true);
        var direct = new GatedSandbox("direct", open: false);
        using var worker = QueueParts.Worker(fixture.Redis, keys, viaStream, slots, 1);
        var queued = _parts.Host(fixture.Redis, keys, direct, slots);
        await worker.StartAsync(CancellationToken.None);
        try
        {
            await Eventually.TrueAsync(() => slots.IsCaughtUp, "the worker's first read of the empty stream");
            var first = queued.RunAsync(new RunRequest("python", "1"), null, CancellationToken.None);
            await Eventually.TrueAsync(() => direct.Started == 1, "the first run to hold the only slot");

            var second = queued.RunAsync(new RunRequest("python", "2"), null, CancellationToken.None);
            // Its announcement (a pub/sub nudge) may reach the worker a moment after the entry is on the stream.
            await Eventually.TrueAsync(
                async () => await fixture.Redis.GetDatabase().StreamLengthAsync(keys.Stream) == 1 && !slots.IsCaughtUp,
                "the second run on the stream, announced to the worker");
            Assert.False(second.IsCompleted);

            direct.Open();
            Assert.Equal("direct\n", (await first).Stdout);
            Assert.Equal("stream\n", (await second.WaitAsync(Eventually.DefaultDeadline)).Stdout);
            Assert.Equal(1, direct.Started);
            Assert.Equal(1, viaStream.Started);
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public void A_run_announced_while_the_worker_read_keeps_direct_runs_behind_it()
    {
        using var slots = new WorkerSlots(MsOptions.Create(new WorkerOptions { Concurrency = 2 }));
        Assert.False(slots.TryTakeDirect());

        var asOf = slots.Announced;
        slots.Announce();
        slots.CaughtUp(asOf);
        Assert.False(slots.TryTakeDirect());

        slots.CaughtUp(slots.Announced);
        Assert.True(slots.TryTakeDirect());
        Assert.True(slots.TryTakeDirect());
        Assert.False(slots.TryTakeDirect());
        slots.EndDirect();
        Assert.True(slots.TryTakeDirect());
        Assert.Equal(2, slots.Direct);
        Assert.Equal(1, slots.DirectDone);
    }

    private async Task<WorkerStatus?> Status(RunQueueKeys keys, string name)
    {
        var json = await fixture.Redis.GetDatabase().StringGetAsync(keys.Worker(name));
        return json.HasValue ? JsonSerializer.Deserialize<WorkerStatus>((string)json!, new JsonSerializerOptions(JsonSerializerDefaults.Web)) : null;
    }

    /// <summary>Answers with its own name once open; counts the runs it started.</summary>
    private sealed class GatedSandbox(string name, bool open) : ISandbox
    {
        private readonly TaskCompletionSource _open = NewGate(open);
        private int _started;

        public int Started => Volatile.Read(ref _started);

        public void Open() => _open.TrySetResult();

        public async Task<RunResult> RunAsync(RunRequest request, IProgress<OutputChunk>? progress, CancellationToken ct)
        {
            Interlocked.Increment(ref _started);
            await _open.Task.WaitAsync(ct);
            return new RunResult(request.Language, "1", RunOutcome.Completed, 0, null, name + "\n", "", 1, false);
        }

        private static TaskCompletionSource NewGate(bool open)
        {
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (open)
            {
                gate.TrySetResult();
            }

            return gate;
        }
    }
}

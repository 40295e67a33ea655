using System.Threading.Channels;
using CodeCube.Host.Runs;
using StackExchange.Redis;

namespace CodeCube.Host.Tests.Runs;

/// <summary>
/// How a queued run's one answer reaches the host: in the done event (no read of the result key), or from the result
/// key when done comes without it; and a withdrawn run's late answer is neither stored nor announced. Real Redis,
/// real worker.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class RunAnswerTests(RedisServerFixture fixture) : IDisposable
{
    private readonly QueueParts _parts = new();

    public void Dispose() => _parts.Dispose();

    [Fact]
    public async Task The_host_returns_the_answer_the_done_event_carries()
    {
        var keys = new RunQueueKeys("answer-" + Guid.NewGuid().ToString("N"));
        // The host's reads of the result key find nothing, so only the done event can bring the answer.
        var hostRedis = QueueParts.OnResultKey(fixture.Redis, keys, nameof(IDatabase.StringGetAsync),
            (_, _) => Task.FromResult(RedisValue.Null));
        var worker = QueueParts.Worker(fixture.Redis, keys, new AnsweringSandbox());
        await worker.StartAsync(CancellationToken.None);
        try
        {
            var run = _parts.Host(hostRedis, keys).RunAsync(new RunRequest("python", "print(2)"), null, CancellationToken.None);

            var result = await run.WaitAsync(Eventually.DefaultDeadline);

            Assert.Equal("ran print(2)\n", result.Stdout);
            var stored = await Eventually.ValueAsync(async () => (string?)await fixture.Redis.GetDatabase().StringGetAsync(
                (await ResultKeys(keys)).Single()), "the stored answer");
            Assert.Contains("ran print(2)", stored, StringComparison.Ordinal);
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
            worker.Dispose();
        }
    }

    [Fact]
    public async Task Two_runs_of_one_host_share_its_events_channel_and_each_gets_its_own_output_and_answer()
    {
        var keys = new RunQueueKeys("answer-" + Guid.NewGuid().ToString("N"));
        var worker = QueueParts.Worker(fixture.Redis, keys, new AnsweringSandbox(), concurrency: 2);
        await worker.StartAsync(CancellationToken.None);
        try
        {
            var queued = _parts.Host(fixture.Redis, keys);
            var (seenA, seenB) = (new Collected(), new Collected());
            var a = queued.RunAsync(new RunRequest("python", "a"), seenA, CancellationToken.None);
            var b = queued.RunAsync(new RunRequest("python", "b"), seenB, CancellationToken.None);

            var results = await Task.WhenAll(a, b).WaitAsync(Eventually.DefaultDeadline);

            Assert.Equal(["ran a\n", "ran b\n"], results.Select(r => r.Stdout));
            // Output comes before done on the one channel, so it is all here when the run returns.
            Assert.Equal(["ran a\n"], seenA.Texts);
            Assert.Equal(["ran b\n"], seenB.Texts);
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
            worker.Dispose();
        }
    }

    [Fact]
    public async Task A_done_event_without_the_answer_sends_the_host_to_the_result_key()
    {
        // The test is the worker here: it stores the answer and sends done without it.
        var keys = new RunQueueKeys("answer-" + Guid.NewGuid().ToString("N"));
        var db = fixture.Redis.GetDatabase();
        await db.StreamCreateConsumerGroupAsync(keys.Stream, keys.Group, "0-0", createStream: true);

        var run = _parts.Host(fixture.Redis, keys).RunAsync(new RunRequest("python", "print(3)"), null, CancellationToken.None);
        var taken = await Eventually.ValueAsync(async () =>
            await db.StreamReadGroupAsync(keys.Stream, keys.Group, "old-worker", ">", 1) is { Length: > 0 } e ? e : null,
            "the run on the stream");
        var runId = (string)taken[0]["id"]!;
        var stored = new RunAnswer(Ran("print(3)"), "old-worker", (long)taken[0]["at"], (long)taken[0]["at"]);
        await db.StringSetAsync(keys.Result(runId), JsonSerializer.Serialize(stored, QueueJson.Default.RunAnswer), TimeSpan.FromMinutes(1));
        await fixture.Redis.GetSubscriber().PublishAsync(keys.Events((string)taken[0]["host"]!),
            JsonSerializer.Serialize(new RunEvent(RunEvent.Done, "old-worker", Run: runId), QueueJson.Default.RunEvent));

        Assert.Equal("ran print(3)\n", (await run.WaitAsync(Eventually.DefaultDeadline)).Stdout);
    }

    [Fact]
    public async Task A_withdrawn_run_s_late_answer_is_neither_stored_nor_announced()
    {
        var keys = new RunQueueKeys("answer-" + Guid.NewGuid().ToString("N"));
        var sandbox = new LateSandbox();
        var worker = QueueParts.Worker(fixture.Redis, keys, sandbox);
        var events = Channel.CreateUnbounded<RunEvent>();
        await worker.StartAsync(CancellationToken.None);
        ChannelMessageQueue? listening = null;
        try
        {
            using var caller = new CancellationTokenSource();
            var run = _parts.Host(fixture.Redis, keys).RunAsync(new RunRequest("python", "print(4)"), null, caller.Token);
            await sandbox.Started.Task.WaitAsync(Eventually.DefaultDeadline);
            var entry = (await fixture.Redis.GetDatabase().StreamRangeAsync(keys.Stream)).Single();
            var runId = (string)entry["id"]!;
            var hostEvents = keys.Events((string)entry["host"]!);
            listening = await fixture.Redis.GetSubscriber().SubscribeAsync(hostEvents);
            listening.OnMessage(m => events.Writer.TryWrite(JsonSerializer.Deserialize((string)m.Message!, QueueJson.Default.RunEvent)!));

            // The caller gives up; the sandbox ends with an answer anyway, after the withdrawal.
            await caller.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
            await Eventually.TrueAsync(async () => await fixture.Redis.GetDatabase().StreamLengthAsync(keys.Stream) == 0,
                "the worker done with the entry");
            Assert.True(sandbox.Answered);
            // Messages on one channel arrive in order: once this marker is here, a done sent before it would be too.
            await fixture.Redis.GetSubscriber().PublishAsync(hostEvents,
                JsonSerializer.Serialize(new RunEvent("marker"), QueueJson.Default.RunEvent));

            var seen = new List<string>();
            using var deadline = new CancellationTokenSource(Eventually.DefaultDeadline);
            await foreach (var e in events.Reader.ReadAllAsync(deadline.Token))
            {
                seen.Add(e.Kind);
                if (e.Kind == "marker")
                {
                    break;
                }
            }

            Assert.DoesNotContain(RunEvent.Done, seen);
            Assert.Equal(QueuedSandbox.Withdrawn, (string?)await fixture.Redis.GetDatabase().StringGetAsync(keys.Result(runId)));
        }
        finally
        {
            if (listening is not null)
            {
                await listening.UnsubscribeAsync();
            }

            await worker.StopAsync(CancellationToken.None);
            worker.Dispose();
        }
    }

    private async Task<List<RedisKey>> ResultKeys(RunQueueKeys keys)
    {
        var server = fixture.Redis.GetServer(fixture.Redis.GetEndPoints()[0]);
        var found = new List<RedisKey>();
        await foreach (var key in server.KeysAsync(pattern: (string)keys.Result("")! + "*"))
        {
            found.Add(key);
        }

        return found;
    }

    private static RunResult Ran(string code) =>
        new("python", "1", RunOutcome.Completed, 0, null, $"ran {code}\n", "", 1, false);

    /// <summary>Prints what it ran, live and in its answer.</summary>
    private sealed class AnsweringSandbox : ISandbox
    {
        public Task<RunResult> RunAsync(RunRequest request, IProgress<OutputChunk>? progress, CancellationToken ct)
        {
            var result = Ran(request.Code);
            progress?.Report(new OutputChunk(OutputStream.Stdout, result.Stdout));
            return Task.FromResult(result);
        }
    }

    private sealed class Collected : IProgress<OutputChunk>
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _texts = new();

        public IReadOnlyList<string> Texts => [.. _texts];

        public void Report(OutputChunk value) => _texts.Enqueue(value.Text);
    }

    /// <summary>A container that outlives its caller: it answers only once its run was cancelled.</summary>
    private sealed class LateSandbox : ISandbox
    {
        private volatile bool _answered;

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Answered => _answered;

        public async Task<RunResult> RunAsync(RunRequest request, IProgress<OutputChunk>? progress, CancellationToken ct)
        {
            Started.TrySetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, ct).ContinueWith(_ => { }, TaskScheduler.Default);
            _answered = true;
            return Ran(request.Code);
        }
    }
}

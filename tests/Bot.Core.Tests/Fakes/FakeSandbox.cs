namespace CodeCube.Core.Tests.Fakes;

/// <summary>
/// Answers each request through <see cref="Respond"/> (default: echoes the code to stdout, exit 0). When
/// <see cref="Hold"/> is set, every run waits for it, so tests can look at a run in flight.
/// </summary>
internal sealed class FakeSandbox : ISandbox
{
    public ConcurrentQueue<RunRequest> Requests { get; } = new();

    public Func<RunRequest, RunResult> Respond { get; set; } = r =>
        new RunResult(r.Language, "1.0", RunOutcome.Completed, 0, null, r.Code, "", 5, false);

    public TaskCompletionSource? Hold { get; set; }

    public int Started => started;

    private int started;

    public async Task<RunResult> RunAsync(RunRequest request, IProgress<OutputChunk>? progress, CancellationToken ct)
    {
        Requests.Enqueue(request);
        Interlocked.Increment(ref started);
        if (Hold is { } hold)
        {
            await hold.Task.WaitAsync(ct);
        }

        return Respond(request);
    }
}

using CodeCube.Core.Options;
using CodeCube.Core.Quotas;

namespace CodeCube.Core.Tests.Quotas;

public sealed class RunGateTests
{
    private static RunGate Gate(int concurrent, int queued) =>
        new(Microsoft.Extensions.Options.Options.Create(new PipelineOptions { MaxConcurrentRuns = concurrent, MaxQueuedRuns = queued }));

    [Fact]
    public async Task Runs_beyond_the_slots_wait_and_beyond_the_queue_are_refused()
    {
        using var gate = Gate(concurrent: 2, queued: 1);

        var first = await gate.TryEnterAsync(CancellationToken.None);
        var second = await gate.TryEnterAsync(CancellationToken.None);
        var third = gate.TryEnterAsync(CancellationToken.None).AsTask();
        var fourth = await gate.TryEnterAsync(CancellationToken.None);

        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.False(third.IsCompleted);
        Assert.Null(fourth);
        Assert.Equal((2, 1), (gate.Running, gate.Waiting));

        first.Dispose();
        var admitted = await third;
        Assert.NotNull(admitted);
        Assert.Equal((2, 0), (gate.Running, gate.Waiting));

        second!.Dispose();
        admitted.Dispose();
        admitted.Dispose(); // twice is harmless
        Assert.Equal((0, 0), (gate.Running, gate.Waiting));
    }

    [Fact]
    public async Task A_cancelled_wait_gives_its_place_back()
    {
        using var gate = Gate(concurrent: 1, queued: 1);
        using var holder = await gate.TryEnterAsync(CancellationToken.None);
        using var cts = new CancellationTokenSource();

        var waiting = gate.TryEnterAsync(cts.Token).AsTask();
        Assert.Equal(1, gate.Waiting);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(0, gate.Waiting);
        Assert.False(gate.TryEnterAsync(CancellationToken.None).AsTask().IsCompleted); // queued again, not refused
    }
}

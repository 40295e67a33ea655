using CodeCube.Core.Options;
using CodeCube.Core.Quotas;

namespace CodeCube.Core.Tests.Quotas;

public sealed class RunGateTests
{
    private static RunGate Gate(int concurrent, int queued, int perClient = 0) =>
        new(Microsoft.Extensions.Options.Options.Create(new PipelineOptions
        {
            MaxConcurrentRuns = concurrent, MaxQueuedRuns = queued, MaxRunsPerClient = perClient,
        }));

    private static RunTicket Admit(RunGate gate, string client = "a")
    {
        Assert.True(gate.TryAdmit(client, out var ticket, out var refusal), refusal?.ToString());
        return ticket;
    }

    [Fact]
    public async Task Runs_beyond_the_slots_wait_and_beyond_the_queue_are_refused()
    {
        using var gate = Gate(concurrent: 2, queued: 1);

        var first = Admit(gate, "1");
        var second = Admit(gate, "2");
        var third = Admit(gate, "3");
        await first.WaitForSlotAsync(CancellationToken.None);
        await second.WaitForSlotAsync(CancellationToken.None);
        var waiting = third.WaitForSlotAsync(CancellationToken.None);

        Assert.False(gate.TryAdmit("4", out _, out var refusal));
        Assert.Equal(RunRefusalReason.Busy, refusal.Reason);
        Assert.Equal((2, 1), (refusal.Running, refusal.Waiting));
        Assert.False(waiting.IsCompleted);
        Assert.Equal((2, 1), (gate.Running, gate.Waiting));

        first.Dispose();
        await waiting;
        Assert.Equal((2, 0), (gate.Running, gate.Waiting));

        second.Dispose();
        third.Dispose();
        third.Dispose(); // twice is harmless
        Assert.Equal((0, 0), (gate.Running, gate.Waiting));
    }

    [Fact]
    public void One_client_gets_at_most_its_share_and_others_are_still_admitted()
    {
        using var gate = Gate(concurrent: 4, queued: 8, perClient: 2);
        using var one = Admit(gate, "web:203.0.113.7");
        var two = Admit(gate, "web:203.0.113.7");

        Assert.False(gate.TryAdmit("web:203.0.113.7", out _, out var refusal));
        Assert.Equal(RunRefusalReason.ClientBusy, refusal.Reason);
        using var other = Admit(gate, "irc:someone");

        two.Dispose();
        using var again = Admit(gate, "web:203.0.113.7");
    }

    [Fact]
    public async Task A_cancelled_wait_keeps_the_admission_until_disposed()
    {
        using var gate = Gate(concurrent: 1, queued: 1);
        using var holder = Admit(gate, "1");
        await holder.WaitForSlotAsync(CancellationToken.None);
        using var cts = new CancellationTokenSource();

        var ticket = Admit(gate, "2");
        var waiting = ticket.WaitForSlotAsync(cts.Token);
        Assert.Equal(1, gate.Waiting);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.False(gate.TryAdmit("3", out _, out _));
        ticket.Dispose();
        Assert.Equal(0, gate.Waiting);
        using var next = Admit(gate, "3");
        Assert.False(next.WaitForSlotAsync(CancellationToken.None).IsCompleted); // queued again, not refused
    }
}

using CodeCube.Adapters.Irc;

namespace CodeCube.Adapters.Tests.Irc;

public class OutboundQueueTests
{
    [Fact]
    public async Task Targets_take_turns_a_line_at_a_time_and_a_reply_finishes_before_the_next_to_its_target()
    {
        var queue = new OutboundQueue(8);
        var first = Reply("#a", "a1", "a2");
        var second = Reply("#a", "x1");
        var other = Reply("#b", "b1", "b2", "b3");
        await queue.AddAsync(first, CancellationToken.None);
        await queue.AddAsync(second, CancellationToken.None);
        await queue.AddAsync(other, CancellationToken.None);

        var written = new List<string>();
        while (written.Count < 6)
        {
            var reply = await queue.NextTurnAsync(CancellationToken.None);
            written.Add(reply.Lines[reply.Next++]);
            queue.EndTurn(reply);
        }

        Assert.Equal(["a1", "b1", "a2", "b2", "x1", "b3"], written);
        await Task.WhenAll(first.Done.Task, second.Done.Task, other.Done.Task).WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Failing_everything_frees_the_slots_and_leaves_no_turn_behind()
    {
        var queue = new OutboundQueue(1);
        var stale = Reply("#a", "a1");
        await queue.AddAsync(stale, CancellationToken.None);
        var held = queue.AddAsync(Reply("#b", "b1"), CancellationToken.None);
        Assert.False(held.IsCompleted);

        queue.FailAll(new OperationCanceledException("stopped"));

        await Assert.ThrowsAsync<OperationCanceledException>(() => stale.Done.Task);
        // The caller held by back-pressure got the slot; its reply is the only one with a turn.
        await held.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("#b", (await queue.NextTurnAsync(CancellationToken.None)).Target);
        using var none = new CancellationTokenSource();
        var another = queue.NextTurnAsync(none.Token);
        Assert.False(another.IsCompleted);
        await none.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => another);
    }

    private static OutboundReply Reply(string target, params string[] lines) => new(target, lines, awaitJoin: false);
}

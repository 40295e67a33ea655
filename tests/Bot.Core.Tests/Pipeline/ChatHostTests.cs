using System.Runtime.CompilerServices;
using static CodeCube.Core.Tests.Pipeline.PipelineHarness;

namespace CodeCube.Core.Tests.Pipeline;

public sealed class ChatHostTests
{
    [Fact]
    public async Task Events_from_every_adapter_are_answered()
    {
        var discord = new FakeChatAdapter(FakeChatAdapter.Discord, "discord");
        var irc = new FakeChatAdapter(FakeChatAdapter.Irc, "irc");
        await using var fixture = new HostFixture([discord, irc]);
        await fixture.Host.StartAsync(CancellationToken.None);

        await discord.Events.Writer.WriteAsync(HostFixture.Run("discord", "d1", "print(1)"));
        await irc.Events.Writer.WriteAsync(HostFixture.Run("irc", "i1", "print(2)"));
        await Eventually.TrueAsync(() => discord.Sent.Count == 1 && irc.Sent.Count == 1, "an answer on each platform");
        await fixture.Host.StopAsync(CancellationToken.None);

        Assert.Contains("print(1)", discord.Sent.Single().Reply.Text, StringComparison.Ordinal);
        Assert.StartsWith("print(2)\npython 1.0", irc.Sent.Single().Reply.Text, StringComparison.Ordinal);
        Assert.Equal(2, fixture.Replies.Links.Count);
    }

    [Fact]
    public async Task A_stalled_adapter_holds_only_its_own_workers_and_the_others_are_still_answered()
    {
        var irc = new FakeChatAdapter(FakeChatAdapter.Irc, "irc")
        {
            HoldSends = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously),
        };
        var discord = new FakeChatAdapter(FakeChatAdapter.Discord, "discord");
        await using var fixture = new HostFixture([irc, discord], new()
        {
            ["Pipeline:Workers"] = "1",
            ["Pipeline:EventQueueCapacity"] = "1",
        });
        await fixture.Host.StartAsync(CancellationToken.None);

        for (var i = 0; i < 5; i++)
        {
            await irc.Events.Writer.WriteAsync(HostFixture.Run("irc", $"i{i}", $"print({i})"));
        }

        await Eventually.TrueAsync(() => fixture.Sandbox.Started == 1 && irc.Events.Reader.Count == 2, "the irc lane to fill");
        await discord.Events.Writer.WriteAsync(HostFixture.Run("discord", "d1", "print(9)"));
        await Eventually.TrueAsync(() => discord.Sent.Count == 1, "the discord answer");
        Assert.Empty(irc.Sent);

        irc.HoldSends.SetResult();
        await Eventually.TrueAsync(() => irc.Sent.Count == 5, "all five irc answers");
        await fixture.Host.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_full_event_queue_makes_the_pump_wait_instead_of_dropping()
    {
        var adapter = new FakeChatAdapter(FakeChatAdapter.Discord);
        await using var fixture = new HostFixture([adapter], new()
        {
            ["Pipeline:Workers"] = "1",
            ["Pipeline:EventQueueCapacity"] = "1",
        });
        fixture.Sandbox.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await fixture.Host.StartAsync(CancellationToken.None);

        for (var i = 0; i < 5; i++)
        {
            await adapter.Events.Writer.WriteAsync(HostFixture.Run("discord", $"m{i}", $"print({i})"));
        }

        // One event in the worker, one in the queue, one in the pump's hand: two still unread at the adapter.
        await Eventually.TrueAsync(() => fixture.Sandbox.Started == 1 && adapter.Events.Reader.Count == 2, "the queue to fill");
        fixture.Sandbox.Hold.SetResult();
        await Eventually.TrueAsync(() => adapter.Sent.Count == 5, "all five answers");
        await fixture.Host.StopAsync(CancellationToken.None);

        Assert.Equal(5, fixture.Store.Snippets.Count);
    }

    [Fact]
    public async Task Shutdown_lets_a_running_event_finish()
    {
        var adapter = new FakeChatAdapter(FakeChatAdapter.Discord);
        await using var fixture = new HostFixture([adapter]);
        fixture.Sandbox.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await fixture.Host.StartAsync(CancellationToken.None);
        await adapter.Events.Writer.WriteAsync(HostFixture.Run("discord", "m1", "print(1)"));
        await Eventually.TrueAsync(() => fixture.Sandbox.Started == 1, "the run to start");

        var stopping = fixture.Host.StopAsync(CancellationToken.None);
        Assert.False(stopping.IsCompleted);
        fixture.Sandbox.Hold.SetResult();
        await stopping;

        Assert.Single(adapter.Sent);
    }

    [Fact]
    public async Task Shutdown_gives_up_on_events_after_the_drain_timeout()
    {
        var adapter = new FakeChatAdapter(FakeChatAdapter.Discord);
        await using var fixture = new HostFixture([adapter], new() { ["Pipeline:DrainTimeout"] = "00:00:05" });
        fixture.Sandbox.Hold = new TaskCompletionSource();
        await fixture.Host.StartAsync(CancellationToken.None);
        await adapter.Events.Writer.WriteAsync(HostFixture.Run("discord", "m1", "print(1)"));
        await Eventually.TrueAsync(() => fixture.Sandbox.Started == 1, "the run to start");

        var stopping = fixture.Host.StopAsync(CancellationToken.None);
        fixture.Time.Advance(TimeSpan.FromSeconds(5));
        await stopping;

        Assert.Empty(adapter.Sent);
        Assert.Contains(fixture.Log.Entries, e => e.Message.Contains("cancelled", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failing_event_stream_is_logged_and_read_again()
    {
        var adapter = new FlakyAdapter();
        await using var fixture = new HostFixture([adapter]);
        await fixture.Host.StartAsync(CancellationToken.None);

        await Eventually.TrueAsync(() => adapter.Reads == 1, "the first read");
        Assert.Empty(adapter.Inner.Sent);

        // The pump waits RestartDelay on the fake clock; move the clock until it has read again.
        await fixture.Time.AdvanceUntilAsync(() => adapter.Reads >= 2, "the stream to be read again");
        await Eventually.TrueAsync(() => adapter.Inner.Sent.Count == 1, "the answer after the restart");
        await fixture.Host.StopAsync(CancellationToken.None);

        Assert.Contains(fixture.Log.Entries, e => e.Level == LogLevel.Error && e.Exception is IOException);
    }

    /// <summary>Throws on the first read (a dropped connection), then yields one run.</summary>
    private sealed class FlakyAdapter : IChatAdapter
    {
        private int reads;

        public FakeChatAdapter Inner { get; } = new(FakeChatAdapter.Discord);

        public int Reads => reads;

        public string Platform => Inner.Platform;

        public ChatCapabilities Capabilities => Inner.Capabilities;

        public async IAsyncEnumerable<ChatEvent> ReadEventsAsync([EnumeratorCancellation] CancellationToken ct)
        {
            if (Interlocked.Increment(ref reads) == 1)
            {
                throw new IOException("connection reset");
            }

            yield return HostFixture.Run("discord", "m1", "print(1)");
            await Task.Delay(Timeout.Infinite, ct);
        }

        public Task<SentMessage> SendAsync(OutgoingReply reply, CancellationToken ct) => Inner.SendAsync(reply, ct);

        public Task EditAsync(SentMessage sent, OutgoingReply reply, CancellationToken ct) => Inner.EditAsync(sent, reply, ct);

        public Task DeleteAsync(SentMessage sent, CancellationToken ct) => Inner.DeleteAsync(sent, ct);
    }
}

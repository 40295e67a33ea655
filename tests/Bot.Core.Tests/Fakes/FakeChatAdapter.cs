using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace CodeCube.Core.Tests.Fakes;

/// <summary>Records what the pipeline sends; events written to <see cref="Events"/> come out of ReadEventsAsync.</summary>
internal sealed class FakeChatAdapter(ChatCapabilities capabilities, string platform = "discord") : IChatAdapter
{
    private int nextId;

    public static ChatCapabilities Discord { get; } = new(TextMarkup.DiscordMarkdown, 2000, 20, 2000, true, true, true);

    public static ChatCapabilities Irc { get; } = new(TextMarkup.Plain, 400, 5, 400, false, false, false);

    public string Platform { get; } = platform;

    public ChatCapabilities Capabilities { get; } = capabilities;

    public Channel<ChatEvent> Events { get; } = Channel.CreateUnbounded<ChatEvent>();

    public ConcurrentQueue<(SentMessage Sent, OutgoingReply Reply)> Sent { get; } = new();

    public ConcurrentQueue<(SentMessage Sent, OutgoingReply Reply)> Edited { get; } = new();

    public ConcurrentQueue<SentMessage> Deleted { get; } = new();

    public int ProgressCalls => progressCalls;

    private int progressCalls;

    public async IAsyncEnumerable<ChatEvent> ReadEventsAsync([EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var chatEvent in Events.Reader.ReadAllAsync(ct))
        {
            yield return chatEvent;
        }
    }

    /// <summary>When set, every send waits for it (a slow link: an IRC reply going out line by line).</summary>
    public TaskCompletionSource? HoldSends { get; set; }

    public async Task<SentMessage> SendAsync(OutgoingReply reply, CancellationToken ct)
    {
        if (HoldSends is { } hold)
        {
            await hold.Task.WaitAsync(ct);
        }

        var sent = new SentMessage(reply.Where, $"reply-{Interlocked.Increment(ref nextId)}");
        Sent.Enqueue((sent, reply));
        return sent;
    }

    public Task EditAsync(SentMessage sent, OutgoingReply reply, CancellationToken ct)
    {
        Edited.Enqueue((sent, reply));
        return Task.CompletedTask;
    }

    public Task DeleteAsync(SentMessage sent, CancellationToken ct)
    {
        Deleted.Enqueue(sent);
        return Task.CompletedTask;
    }

    public Task IndicateProgressAsync(Conversation where, CancellationToken ct)
    {
        Interlocked.Increment(ref progressCalls);
        return Task.CompletedTask;
    }
}

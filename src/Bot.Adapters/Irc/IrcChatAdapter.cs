using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using CodeCube.Core.Chat;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CodeCube.Adapters.Irc;

/// <summary>IRC as an <see cref="IChatAdapter"/>: channel and private PRIVMSGs in, one PRIVMSG per reply line out.</summary>
public sealed class IrcChatAdapter(
    IrcClient client,
    IOptions<IrcOptions> options,
    TimeProvider time,
    ILogger<IrcChatAdapter> logger) : IChatAdapter, IConnectionStatus
{
    public const string PlatformName = "irc";

    private readonly IrcOptions _options = options.Value;
    private long _messageIds;

    public string Platform => PlatformName;

    public bool IsConnected => client.IsRegistered;

    /// <summary>The client, for callers (and tests) that need the current nick or a "joined" signal.</summary>
    public IrcClient Client => client;

    /// <summary>Our nick right now (an alternative after a collision): what users address the bot with.</summary>
    public string CurrentNick => client.CurrentNick;

    /// <summary>Completes when the bot is (again) in <paramref name="channel"/>; for tests and readiness checks.</summary>
    public Task WaitUntilJoinedAsync(string channel, CancellationToken ct) => client.WaitUntilJoinedAsync(channel, ct);

    public ChatCapabilities Capabilities
    {
        get
        {
            var lineBytes = client.WorstCaseBudget();
            return new ChatCapabilities(
                TextMarkup.Plain,
                MaxMessageChars: lineBytes * (_options.MaxLinesPerReply + 1),
                MaxOutputLines: _options.MaxLinesPerReply,
                MaxLineBytes: lineBytes,
                SupportsEdits: false,
                SupportsUploads: false,
                SupportsThreads: false);
        }
    }

    public async IAsyncEnumerable<ChatEvent> ReadEventsAsync([EnumeratorCancellation] CancellationToken ct)
    {
        // Bounded and lossy on purpose: a stalled consumer must not stall PING answers and get us disconnected.
        var events = Channel.CreateBounded<ChatEvent>(new BoundedChannelOptions(1000)
        {
            FullMode = BoundedChannelFullMode.DropWrite,
            SingleReader = true,
            SingleWriter = true,
        });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var run = RunClientAsync(events.Writer, stop.Token);
        try
        {
            await foreach (var chatEvent in events.Reader.ReadAllAsync(ct).ConfigureAwait(false))
            {
                yield return chatEvent;
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await run.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        // The client only stops early on a fatal error (SASL refused): surface it to whoever pumps events.
        await run.ConfigureAwait(false);
    }

    public async Task<SentMessage> SendAsync(OutgoingReply reply, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var target = reply.Where.ChannelId;
        if (!IsSafeTarget(target))
        {
            // A target like "#a,#b" or "#a :x" would reach other channels: never trust it, even from our own events.
            throw new ArgumentException($"'{target}' is not a single IRC channel or nick.", nameof(reply));
        }
        var lines = IrcReplySplitter.Split(reply.Text, client.BudgetFor(target), _options.MaxLinesPerReply);
        // Handed to the connection's queue: the worker is free while the flood limiter paces the lines out, and
        // the queue keeps this reply's lines together, after earlier replies to the same target.
        _ = await client.QueueLinesAsync(target, lines, ct).ConfigureAwait(false);
        return new SentMessage(reply.Where, NextId());
    }

    public Task EditAsync(SentMessage sent, OutgoingReply reply, CancellationToken ct) =>
        throw new NotSupportedException("IRC messages cannot be edited (SupportsEdits is false).");

    public Task DeleteAsync(SentMessage sent, CancellationToken ct) =>
        throw new NotSupportedException("IRC messages cannot be deleted (SupportsEdits is false).");

    /// <summary>Translates a PRIVMSG (not CTCP: the client answers that) into a created message.</summary>
    internal MessageCreated? Translate(IrcMessage m)
    {
        var source = IrcSource.Parse(m.Prefix);
        var target = m.Param(0);
        var nick = client.CurrentNick;
        // Only people (nick!user@host) talk to the bot; a bare server name is not a user.
        if (source.Nick.Length == 0 || source.Host.Length == 0
            || string.Equals(source.Nick, nick, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var isDirect = !IrcClient.IsChannelTarget(target);
        var where = new Conversation(PlatformName, isDirect ? source.Nick : target, IsDirect: isDirect);
        // Quotas and the run budget key on this id, so a nick change must not reset them: the services account
        // when the server tags it (IRCv3 account-tag), else the host. It stays internal (never on a public page).
        var author = new ChatUser(AuthorId(m, source), source.Nick);
        var text = StripAddressing(IrcText.StripFormatting(m.Param(1)), nick);
        var sentAt = m.Tags.TryGetValue("time", out var stamp)
            && DateTimeOffset.TryParse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : time.GetUtcNow();
        var id = m.Tags.TryGetValue("msgid", out var msgid) && msgid.Length > 0 ? msgid : NextId();
        return new MessageCreated(new IncomingMessage(where, id, author, text, RepliedToText: null, sentAt));
    }

    internal static string AuthorId(IrcMessage m, IrcSource source) =>
        m.Tags.TryGetValue("account", out var account) && account.Length > 0 && account != "*"
            ? "account:" + account
            : "host:" + source.Host;

    /// <summary>"bot: !run ..." and "bot, !run ..." address the bot; the command is what follows.</summary>
    internal static string StripAddressing(string text, string nick)
    {
        if (text.Length > nick.Length + 1
            && text.StartsWith(nick, StringComparison.OrdinalIgnoreCase)
            && text[nick.Length] is ':' or ','
            && (text.Length == nick.Length + 1 || text[nick.Length + 1] == ' '))
        {
            return text[(nick.Length + 1)..].TrimStart(' ');
        }
        return text;
    }

    internal static bool IsSafeTarget(string? target) =>
        target is { Length: > 0 and <= 64 } && target[0] != ':' && IrcText.Sanitize(target) == target
        && target.AsSpan().IndexOfAny(" ,\u00a0") < 0;

    private async Task RunClientAsync(ChannelWriter<ChatEvent> writer, CancellationToken ct)
    {
        try
        {
            await client.RunAsync(m =>
            {
                if (Translate(m) is { } created && !writer.TryWrite(created))
                {
                    logger.EventDropped(created.Message.Where.ChannelId);
                }
            }, ct).ConfigureAwait(false);
        }
        finally
        {
            writer.TryComplete();
        }
    }

    private string NextId() =>
        "irc-" + Interlocked.Increment(ref _messageIds).ToString(CultureInfo.InvariantCulture);
}

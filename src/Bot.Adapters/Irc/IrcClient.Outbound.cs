namespace CodeCube.Adapters.Irc;

public sealed partial class IrcClient
{
    private const int CtcpArgumentBytes = 100;

    /// <summary>Replies waiting for the link; past this a caller waits to queue (back-pressure, not loss).</summary>
    internal const int OutboundCapacity = 64;

    private readonly OutboundQueue _outbound = new(OutboundCapacity);

    /// <summary>
    /// Queues the lines of one reply and returns as soon as they are queued: pacing a long reply through the flood
    /// limiter never holds the caller, a chat worker. The reply goes out whole and in order, after the replies to the
    /// same target queued before it; targets take turns line by line, so a short reply to one channel is not held
    /// behind a long one to another. The returned task completes when the last line was written. Lines wait through
    /// reconnects and the flood limiter: nothing is dropped; a reply that cannot be sent is logged here and fails
    /// the returned task, and replies still queued when the client stops fail with an
    /// <see cref="OperationCanceledException"/>.
    /// </summary>
    public async Task<Task> QueueLinesAsync(string target, IReadOnlyList<string> lines, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(lines);
        // Wait for a JOIN only where one is coming (a configured channel), and at most once per reply, so a
        // channel we were kicked from cannot hold up the queue for everyone.
        var awaitJoin = _options.Channels.Any(c => string.Equals(c.Name, target, StringComparison.OrdinalIgnoreCase));
        var reply = new OutboundReply(target, lines, awaitJoin);
        await _outbound.AddAsync(reply, ct).ConfigureAwait(false);
        return reply.Done.Task;
    }

    /// <summary>Text bytes one PRIVMSG to <paramref name="target"/> can carry right now.</summary>
    public int BudgetFor(string target)
    {
        var s = _session;
        var nick = s?.Nick ?? LongestConfiguredNick();
        return IrcLineBudget.PrivmsgText(nick, s?.User, s?.Host, target);
    }

    /// <summary>The smallest budget over the configured channels and a private message to a nick of NICKLEN.</summary>
    public int WorstCaseBudget()
    {
        var nickLength = _session?.NickLength ?? 30;
        var longestTarget = _options.Channels.Select(c => c.Name).Append(new string('n', nickLength))
            .MaxBy(System.Text.Encoding.UTF8.GetByteCount)!;
        return BudgetFor(longestTarget);
    }

    private string LongestConfiguredNick() =>
        _options.AltNicks.Append(_options.Nick + "99").MaxBy(n => n.Length)!;

    /// <summary>Writes one line per turn (see <see cref="OutboundQueue"/>) until the client stops.</summary>
    private async Task RunSenderAsync(CancellationToken ct)
    {
        try
        {
            while (true)
            {
                var reply = await _outbound.NextTurnAsync(ct).ConfigureAwait(false);
                try
                {
                    await SendNextLineAsync(reply, ct).ConfigureAwait(false);
                    _outbound.EndTurn(reply);
                }
                catch (Exception ex) when (!ct.IsCancellationRequested)
                {
                    // One bad reply must not stop the queue for everyone else.
                    _logger.ReplyFailed(ex, reply.Target);
                    _outbound.EndTurn(reply, ex);
                }
            }
        }
        finally
        {
            // Including the reply whose line was being written: its caller must not wait forever.
            _outbound.FailAll(Stopped());
        }
    }

    private static OperationCanceledException Stopped() => new("The IRC client stopped before the reply was sent.");

    private async Task SendNextLineAsync(OutboundReply reply, CancellationToken ct)
    {
        while (!reply.Written)
        {
            var (session, joined) = await WaitForSessionAsync(reply.Target, reply.AwaitJoin, ct).ConfigureAwait(false);
            reply.AwaitJoin &= joined;
            await _limiter.WaitAsync(ct).ConfigureAwait(false);
            // Budgets can shrink after a reconnect (longer nick or host); cut rather than overflow the line.
            var budget = IrcLineBudget.PrivmsgText(session.Nick, session.User, session.Host, reply.Target);
            var text = IrcText.CutToBytes(IrcText.Sanitize(reply.Lines[reply.Next]), budget);
            try
            {
                await session.SendAsync(IrcMessage.Create("PRIVMSG", reply.Target, text.Length == 0 ? " " : text), ct).ConfigureAwait(false);
                reply.Next++;
                return;
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException)
            {
                // The link died under us: the line is retried on the next connection.
                _logger.SendFailed(ex.Message);
                await WaitForAsync(() => !ReferenceEquals(_session, session), ct).ConfigureAwait(false);
            }
        }
    }

    private async Task<(IrcSession Session, bool Joined)> WaitForSessionAsync(string target, bool awaitJoin, CancellationToken ct)
    {
        while (true)
        {
            await WaitForAsync(() => IsRegistered, ct).ConfigureAwait(false);
            var joined = true;
            if (awaitJoin)
            {
                // After a reconnect the JOIN takes a moment; a line sent before it would be refused (404).
                using var timeout = new CancellationTokenSource(_options.JoinWait, _time);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
                try
                {
                    await WaitForAsync(() => IsJoined(target), linked.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
                {
                    _logger.NotJoined(target);
                    joined = false;
                }
            }
            if (_session is { Registered: true } session)
            {
                return (session, joined);
            }
        }
    }

    internal static bool IsChannelTarget(string target) => target.Length > 0 && target[0] is '#' or '&' or '+' or '!';

    private async Task OnPrivmsgAsync(IrcSession session, IrcMessage m, Action<IrcMessage> onMessage, CancellationToken ct)
    {
        var text = m.Param(1);
        if (text.StartsWith('\x01'))
        {
            // CTCP to a channel reaches everyone in it; answering would let one line make every bot talk.
            if (!IsChannelTarget(m.Param(0)))
            {
                await AnswerCtcpAsync(session, m.SourceNick, text, ct).ConfigureAwait(false);
            }

            return;
        }
        onMessage(m);
    }

    /// <summary>
    /// Answers VERSION and PING sent to the bot; CTCP is never a command. Answers beyond the CTCP budget, or when the
    /// line budget has no token free right now, are dropped: they never delay a reply.
    /// </summary>
    private async Task AnswerCtcpAsync(IrcSession session, string nick, string text, CancellationToken ct)
    {
        var body = text.Trim('\x01');
        var space = body.IndexOf(' ');
        var verb = (space < 0 ? body : body[..space]).ToUpperInvariant();
        var argument = space < 0 ? "" : body[(space + 1)..];
        var answer = verb switch
        {
            "VERSION" => (string?)("VERSION " + _options.VersionReply),
            "PING" => ("PING " + IrcText.CutToBytes(IrcText.Sanitize(argument), CtcpArgumentBytes)).TrimEnd(),
            _ => null,
        };
        if (answer is null || nick.Length == 0 || IrcText.Sanitize(nick) != nick || nick.Contains(' '))
        {
            return;
        }
        if (!_ctcp.TryTake(nick) || !_limiter.TryTake())
        {
            _logger.CtcpDropped(verb, nick);
            return;
        }
        await session.SendAsync(IrcMessage.Create("NOTICE", nick, "\x01" + answer + "\x01"), ct).ConfigureAwait(false);
    }
}

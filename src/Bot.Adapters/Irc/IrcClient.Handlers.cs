namespace CodeCube.Adapters.Irc;

public sealed partial class IrcClient
{
    private const int MaxNickAttempts = 30;
    private const int RfcMinNickLength = 9;

    private async Task StartRegistrationAsync(IrcSession session, CancellationToken ct)
    {
        await session.SendAsync(IrcMessage.Create("CAP", "LS", "302"), ct).ConfigureAwait(false);
        await session.SendAsync(IrcMessage.Create("NICK", session.Nick), ct).ConfigureAwait(false);
        await session.SendAsync(IrcMessage.Create("USER", _options.User, "0", "*", _options.RealName), ct).ConfigureAwait(false);
    }

    private async Task HandleAsync(IrcSession session, IrcMessage m, Action<IrcMessage> onMessage, CancellationToken ct)
    {
        switch (m.Command)
        {
            case "PING":
                await session.SendAsync(IrcMessage.Create("PONG", [.. m.Params]), ct).ConfigureAwait(false);
                break;
            case "CAP":
                await HandleCapAsync(session, m, ct).ConfigureAwait(false);
                break;
            case "AUTHENTICATE" when m.Param(0) == "+" && session.SaslRequested:
                foreach (var chunk in SaslPlain.Chunks(_options.SaslUser!, _options.SaslPassword!))
                {
                    await session.SendAsync(IrcMessage.Create("AUTHENTICATE", chunk), ct).ConfigureAwait(false);
                }
                break;
            case "903":
            case "907":
                _logger.SaslSucceeded();
                session.SaslDone = true;
                await EndCapabilitiesIfDoneAsync(session, ct).ConfigureAwait(false);
                break;
            case "902" or "904" or "905" or "906" or "908":
                throw new IrcAuthenticationException($"SASL authentication failed ({m.Command}): {m.Params.LastOrDefault()}");
            case "421" when m.Param(1) == "CAP" && _options.UsesSasl:
                throw new IrcAuthenticationException("The server does not support CAP, so SASL is impossible.");
            case "001":
                OnWelcome(session, m);
                break;
            case "005":
                OnIsupport(session, m);
                break;
            case "376" or "422":
                await JoinChannelsAsync(session, ct).ConfigureAwait(false);
                break;
            case "432" or "433" or "436" or "437" when !session.Registered:
                await TryNextNickAsync(session, m, ct).ConfigureAwait(false);
                break;
            case "JOIN":
                OnJoin(session, m);
                break;
            case "PART" when session.IsMe(m.SourceNick):
                session.Joined.TryRemove(m.Param(0), out _);
                NotifyChanged();
                break;
            case "KICK" when session.IsMe(m.Param(1)):
                session.Joined.TryRemove(m.Param(0), out _);
                _logger.Kicked(m.Param(0), m.SourceNick, m.Param(2));
                NotifyChanged();
                break;
            case "NICK" when session.IsMe(m.SourceNick):
                session.Nick = m.Param(0);
                NotifyChanged();
                break;
            case "396":
                session.Host = m.Param(1);
                break;
            case "403" or "405" or "471" or "473" or "474" or "475" or "477":
                _logger.JoinFailed(m.Param(1), m.Command, m.Params.LastOrDefault() ?? "");
                break;
            case "ERROR":
                _logger.ServerError(m.Param(0));
                break;
            case "PRIVMSG" when session.Registered && m.Params.Count >= 2 && m.Prefix is not null:
                await OnPrivmsgAsync(session, m, onMessage, ct).ConfigureAwait(false);
                break;
        }
    }

    private void OnWelcome(IrcSession session, IrcMessage m)
    {
        session.Nick = m.Param(0);
        // Many servers end 001 with our full source: "Welcome to the ... nick!user@host".
        var last = m.Params.Count > 1 ? m.Params[^1].Split(' ')[^1] : "";
        var source = IrcSource.Parse(last);
        if (source.User.Length > 0 && source.Host.Length > 0 && session.IsMe(source.Nick))
        {
            session.User = source.User;
            session.Host = source.Host;
        }
        session.Registered = true;
        _reconnect.Established();
        _logger.Registered(session.Nick);
        NotifyChanged();
    }

    private static void OnIsupport(IrcSession session, IrcMessage m)
    {
        foreach (var token in m.Params.Skip(1).SkipLast(1))
        {
            if (token.StartsWith("NICKLEN=", StringComparison.Ordinal) && int.TryParse(token.AsSpan(8), out var n) && n > 0)
            {
                session.NickLength = n;
            }
        }
    }

    private async Task JoinChannelsAsync(IrcSession session, CancellationToken ct)
    {
        if (session.JoinSent)
        {
            return;
        }
        session.JoinSent = true;
        foreach (var channel in _options.Channels)
        {
            var join = string.IsNullOrEmpty(channel.Key)
                ? IrcMessage.Create("JOIN", channel.Name)
                : IrcMessage.Create("JOIN", channel.Name, channel.Key);
            await session.SendAsync(join, ct).ConfigureAwait(false);
        }
    }

    private void OnJoin(IrcSession session, IrcMessage m)
    {
        var source = IrcSource.Parse(m.Prefix);
        if (!session.IsMe(source.Nick))
        {
            return;
        }
        if (source.User.Length > 0 && source.Host.Length > 0)
        {
            session.User = source.User;
            session.Host = source.Host;
        }
        session.Joined[m.Param(0)] = true;
        _logger.Joined(m.Param(0), source.User, source.Host);
        NotifyChanged();
    }

    private async Task TryNextNickAsync(IrcSession session, IrcMessage m, CancellationToken ct)
    {
        if (++session.NickAttempt > MaxNickAttempts)
        {
            throw new IOException("No usable nickname: the server refused every candidate.");
        }
        // 432 (erroneous) for a suffixed nick usually means it got too long: shorten from then on.
        session.NickTooLong |= m.Command == "432" && session.NickAttempt > _options.AltNicks.Count + 1;
        var next = NickCandidate(session.NickAttempt, session.NickTooLong ? RfcMinNickLength : int.MaxValue);
        _logger.NickRefused(m.Param(1), m.Command, next);
        session.Nick = next;
        await session.SendAsync(IrcMessage.Create("NICK", next), ct).ConfigureAwait(false);
    }

    /// <summary>0 = the configured nick, then the alternatives, then nick_, then nick with a number.</summary>
    internal string NickCandidate(int attempt, int maxLength = int.MaxValue)
    {
        if (attempt == 0)
        {
            return _options.Nick;
        }
        if (attempt <= _options.AltNicks.Count)
        {
            return _options.AltNicks[attempt - 1];
        }
        var extra = attempt - _options.AltNicks.Count;
        var suffix = extra == 1 ? "_" : (extra - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var stem = _options.Nick[..Math.Min(_options.Nick.Length, Math.Max(1, maxLength - suffix.Length))];
        return stem + suffix;
    }
}

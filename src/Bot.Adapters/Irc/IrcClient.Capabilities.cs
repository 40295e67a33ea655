namespace CodeCube.Adapters.Irc;

/// <summary>
/// IRCv3 capability negotiation (CAP LS 302, REQ, ACK/NAK, END) and SASL PLAIN within it. Registration waits for
/// CAP END, which goes out once every request is answered and SASL, when configured, has succeeded.
/// </summary>
public sealed partial class IrcClient
{
    /// <summary>
    /// Asked for whenever offered. account-tag puts the sender's services account on each message, so quotas follow
    /// the account across nick changes and hosts. extended-join and account-notify would only tell us the same
    /// account again, on JOIN and on login, and nothing here keeps per-nick state, so they are not asked for.
    /// </summary>
    internal static readonly string[] WantedCapabilities = ["account-tag"];

    private async Task HandleCapAsync(IrcSession session, IrcMessage m, CancellationToken ct)
    {
        var sub = m.Param(1).ToUpperInvariant();
        var listed = m.Params[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        switch (sub)
        {
            case "LS":
                // CAP 302 continues a long list with "*" before the final parameter.
                var more = m.Params.Count >= 4 && m.Param(2) == "*";
                Offered(session, listed);
                if (!more && !session.Registered && !session.CapEnded)
                {
                    await RequestCapabilitiesAsync(session, ct).ConfigureAwait(false);
                }

                break;
            case "ACK":
                session.PendingCapRequests--;
                session.EnabledCaps.AddRange(listed.Where(c => !c.StartsWith('-')));
                if (listed.Contains("sasl") && _options.UsesSasl && !session.SaslRequested)
                {
                    session.SaslRequested = true;
                    await session.SendAsync(IrcMessage.Create("AUTHENTICATE", "PLAIN"), ct).ConfigureAwait(false);
                }

                await EndCapabilitiesIfDoneAsync(session, ct).ConfigureAwait(false);
                break;
            case "NAK":
                session.PendingCapRequests--;
                if (listed.Contains("sasl") && _options.UsesSasl && !session.Registered)
                {
                    throw new IrcAuthenticationException("The server refused the sasl capability.");
                }

                await EndCapabilitiesIfDoneAsync(session, ct).ConfigureAwait(false);
                break;
        }
    }

    private static void Offered(IrcSession session, string[] caps)
    {
        foreach (var cap in caps)
        {
            var eq = cap.IndexOf('=');
            var name = eq < 0 ? cap : cap[..eq];
            session.OfferedCaps.Add(name);
            if (name == "sasl")
            {
                session.SaslMechanisms = eq < 0 ? null : cap[(eq + 1)..];
            }
        }
    }

    private async Task RequestCapabilitiesAsync(IrcSession session, CancellationToken ct)
    {
        if (_options.UsesSasl)
        {
            if (!session.OfferedCaps.Contains("sasl"))
            {
                throw new IrcAuthenticationException("SASL is configured but the server does not offer it.");
            }

            if (session.SaslMechanisms is { } mechs && !mechs.Split(',').Contains("PLAIN"))
            {
                throw new IrcAuthenticationException($"The server offers SASL {mechs}, not PLAIN.");
            }
        }

        // Separate requests: a server refusing an optional capability must not take SASL down with it (a REQ
        // is granted or refused whole).
        var optional = WantedCapabilities.Where(session.OfferedCaps.Contains).ToList();
        if (optional.Count > 0)
        {
            session.PendingCapRequests++;
            await session.SendAsync(IrcMessage.Create("CAP", "REQ", string.Join(' ', optional)), ct).ConfigureAwait(false);
        }

        if (_options.UsesSasl)
        {
            session.PendingCapRequests++;
            await session.SendAsync(IrcMessage.Create("CAP", "REQ", "sasl"), ct).ConfigureAwait(false);
        }

        await EndCapabilitiesIfDoneAsync(session, ct).ConfigureAwait(false);
    }

    private async Task EndCapabilitiesIfDoneAsync(IrcSession session, CancellationToken ct)
    {
        if (session.CapEnded || session.Registered || session.PendingCapRequests > 0
            || (_options.UsesSasl && !session.SaslDone))
        {
            return;
        }

        session.CapEnded = true;
        if (session.EnabledCaps.Count > 0)
        {
            _logger.CapabilitiesEnabled(string.Join(' ', session.EnabledCaps));
        }

        await session.SendAsync(IrcMessage.Create("CAP", "END"), ct).ConfigureAwait(false);
    }
}

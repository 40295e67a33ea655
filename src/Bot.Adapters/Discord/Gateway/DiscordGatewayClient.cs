using CodeCube.Adapters.Connections;
using CodeCube.Adapters.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CodeCube.Adapters.Discord.Gateway;

/// <summary>
/// Keeps one gateway session alive across connections: reconnects (resuming when Discord allows it) under the shared
/// <see cref="ReconnectPolicy"/>, and stops for good on the close codes that no reconnect can fix.
/// </summary>
internal sealed class DiscordGatewayClient(
    IGatewayTransportFactory transports,
    DiscordRestClient rest,
    IOptions<DiscordOptions> options,
    IGatewayJitter jitter,
    TimeProvider time,
    ILogger<DiscordGatewayClient> logger)
{
    public GatewaySession Session { get; } = new()
    {
        Intents = options.Value.MessageContent
            ? GatewayPayloads.Intents
            : GatewayPayloads.Intents & ~GatewayPayloads.MessageContentIntent,
    };

    /// <summary>Runs until <paramref name="ct"/> is cancelled (throws) or Discord refuses us for good (returns why).</summary>
    public async Task<ConnectionEnd> RunAsync(Func<GatewayDispatch, CancellationToken, ValueTask> onDispatch, CancellationToken ct)
    {
        var reconnect = new ReconnectPolicy(time, jitter.Next);
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            ConnectionEnd end;
            try
            {
                var url = Session.CanResume ? Session.ResumeUrl! : await PrepareIdentifyAsync(ct).ConfigureAwait(false);
                var transport = transports.Create();
                await using (transport.ConfigureAwait(false))
                {
                    var connection = new GatewayConnection(transport, Session, reconnect, options.Value.Token, jitter, time, logger);
                    end = await connection.RunAsync(GatewayPayloads.WithQuery(url), onDispatch, ct).ConfigureAwait(false);
                }
            }
            catch (DiscordApiException ex) when (ex.StatusCode == System.Net.HttpStatusCode.Unauthorized)
            {
                end = new ConnectionEnd(true, TimeSpan.Zero, 4004, "authentication failed: the token is invalid");
            }
            catch (Exception ex) when (ex is HttpRequestException or DiscordApiException or IOException
                                       or System.Net.WebSockets.WebSocketException && !ct.IsCancellationRequested)
            {
                end = new ConnectionEnd(false, TimeSpan.Zero, null, ex.Message);
            }

            if (end.CloseCode == 4014 && (Session.Intents & GatewayPayloads.MessageContentIntent) != 0)
            {
                // Commands and mentions need no privileged intent: keep serving those.
                Session.Intents &= ~GatewayPayloads.MessageContentIntent;
                logger.MessageContentRefused();
                continue;
            }

            if (end.Fatal)
            {
                logger.GatewayFatal(end.CloseCode ?? 0, end.Reason);
                return end;
            }

            // The invalid-session wait Discord asks for may be longer than the policy's.
            var backoff = reconnect.NextDelay();
            var delay = end.Delay > backoff ? end.Delay : backoff;
            var wait = Task.Delay(delay, time, ct);
            logger.GatewayReconnecting(end.Reason, delay, Session.CanResume);
            await wait.ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Before a fresh IDENTIFY: asks GET /gateway/bot where to connect and how many session starts are left (asked
    /// each time, as the count falls with every IDENTIFY), and waits out the window when none are, and the 5 s
    /// between two IDENTIFYs.
    /// </summary>
    private async Task<string> PrepareIdentifyAsync(CancellationToken ct)
    {
        var configured = options.Value.GatewayUrlOverride;
        var bot = string.IsNullOrEmpty(configured)
            ? await rest.GetGatewayBotAsync(ct).ConfigureAwait(false)
            : new GatewayBot(configured, null);
        var since = Session.IdentifiedAt is long at ? time.GetElapsedTime(at) : (TimeSpan?)null;
        var wait = SessionStartLimit.WaitBeforeIdentify(bot.Limit, since);
        if (wait > TimeSpan.Zero)
        {
            // The timer starts before the log line, so whoever sees the line knows the wait is under way.
            var waiting = Task.Delay(wait, time, ct);
            if (bot.Limit is { Remaining: <= 0 } limit)
            {
                logger.SessionStartLimited(limit.Total, limit.MaxConcurrency, wait);
            }
            else
            {
                logger.IdentifySpaced(wait);
            }

            await waiting.ConfigureAwait(false);
        }

        return bot.Url;
    }
}

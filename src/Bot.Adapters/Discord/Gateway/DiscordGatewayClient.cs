using CodeCube.Adapters.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CodeCube.Adapters.Discord.Gateway;

/// <summary>
/// Keeps one gateway session alive across connections: reconnects (resuming when Discord allows it) with backoff
/// after repeated failures, and stops for good on the close codes that no reconnect can fix.
/// </summary>
internal sealed class DiscordGatewayClient(
    IGatewayTransportFactory transports,
    DiscordRestClient rest,
    IOptions<DiscordOptions> options,
    IGatewayJitter jitter,
    TimeProvider time,
    ILogger<DiscordGatewayClient> logger)
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(60);

    public GatewaySession Session { get; } = new()
    {
        Intents = options.Value.MessageContent
            ? GatewayPayloads.Intents
            : GatewayPayloads.Intents & ~GatewayPayloads.MessageContentIntent,
    };

    /// <summary>Runs until <paramref name="ct"/> is cancelled (throws) or Discord refuses us for good (returns why).</summary>
    public async Task<ConnectionEnd> RunAsync(Func<GatewayDispatch, CancellationToken, ValueTask> onDispatch, CancellationToken ct)
    {
        var failures = 0;
        string? gatewayUrl = null;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            ConnectionEnd end;
            try
            {
                var url = Session.CanResume ? Session.ResumeUrl! : gatewayUrl ??= await GetGatewayUrlAsync(ct);
                var transport = transports.Create();
                await using (transport)
                {
                    var connection = new GatewayConnection(transport, Session, options.Value.Token, jitter, time, logger);
                    end = await connection.RunAsync(GatewayPayloads.WithQuery(url), onDispatch, ct);
                }
            }
            catch (DiscordApiException ex) when (ex.StatusCode == System.Net.HttpStatusCode.Unauthorized)
            {
                end = new ConnectionEnd(true, false, TimeSpan.Zero, 4004, "authentication failed: the token is invalid");
            }
            catch (Exception ex) when (ex is HttpRequestException or DiscordApiException or IOException
                                       or System.Net.WebSockets.WebSocketException && !ct.IsCancellationRequested)
            {
                end = new ConnectionEnd(false, false, TimeSpan.Zero, null, ex.Message);
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

            if (end.Established)
            {
                failures = 0;
            }
            else
            {
                failures++;
                gatewayUrl = null; // Discord: fetch the URL again when connecting fails.
            }

            var delay = end.Delay > Backoff(failures) ? end.Delay : Backoff(failures);
            var wait = delay > TimeSpan.Zero ? Task.Delay(delay, time, ct) : Task.CompletedTask;
            logger.GatewayReconnecting(end.Reason, delay, Session.CanResume);
            await wait;
        }
    }

    private static TimeSpan Backoff(int failures) =>
        failures == 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, failures - 1)));

    private async Task<string> GetGatewayUrlAsync(CancellationToken ct)
    {
        var configured = options.Value.GatewayUrlOverride;
        return string.IsNullOrEmpty(configured) ? await rest.GetGatewayUrlAsync(ct) : configured;
    }
}

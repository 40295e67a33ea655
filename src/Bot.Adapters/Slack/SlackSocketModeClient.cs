using System.Text.Json;
using CodeCube.Adapters.Connections;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CodeCube.Adapters.Slack;

/// <summary>
/// Keeps one Socket Mode connection alive and feeds its events into the inbox. On a <c>disconnect</c> notice
/// (warning, refresh_requested) it opens the next connection first and only then closes the old one, still
/// reading what the old one delivers until it is closed; the adapter's event_id dedupe drops any overlap.
/// </summary>
internal sealed class SlackSocketModeClient(SlackWebApi api, ISlackSocketFactory sockets, SlackInbox inbox,
    IOptions<SlackOptions> options, TimeProvider time, ILogger<SlackSocketModeClient> logger)
{
    private static readonly TimeSpan HelloTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Runs until <paramref name="ct"/> is cancelled; throws only for errors no reconnect can fix.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        var reconnect = new ReconnectPolicy(time);
        SlackSocketConnection? current = null;
        try
        {
            while (true)
            {
                ct.ThrowIfCancellationRequested();
                SlackSocketConnection next;
                try
                {
                    next = await OpenAsync(ct).ConfigureAwait(false);
                    reconnect.Established();
                }
                catch (SlackApiException e) when (e.IsFatal)
                {
                    logger.SocketModeFatal(e.Error);
                    throw new InvalidOperationException(
                        $"Slack rejected Slack:AppToken ({e.Error}); Socket Mode needs an xapp- token with connections:write.", e);
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    var delay = reconnect.NextDelay();
                    logger.SocketConnectFailed(e, delay);
                    await Task.Delay(delay, time, ct).ConfigureAwait(false);
                    continue;
                }

                if (current is not null)
                {
                    await current.RetireAsync(DrainTimeout, time).ConfigureAwait(false);
                }

                current = next;
                var reason = await current.Ended.WaitAsync(ct).ConfigureAwait(false);
                if (reason == "link_disabled")
                {
                    logger.SocketModeFatal(reason);
                    throw new InvalidOperationException(
                        "Slack disabled Socket Mode for this app (disconnect: link_disabled); enable it in the app settings.");
                }

                if (reason is null)
                {
                    // Closed without notice: the old socket is unusable, so back off before the next one.
                    await current.RetireAsync(TimeSpan.Zero, time).ConfigureAwait(false);
                    current = null;
                    var delay = reconnect.NextDelay();
                    logger.SocketClosedUnexpectedly(delay);
                    await Task.Delay(delay, time, ct).ConfigureAwait(false);
                }
                else
                {
                    logger.SocketRefreshing(reason);
                }
            }
        }
        finally
        {
            if (current is not null)
            {
                await current.RetireAsync(TimeSpan.Zero, time).ConfigureAwait(false);
            }
        }
    }

    private async Task<SlackSocketConnection> OpenAsync(CancellationToken ct)
    {
        var opened = await api.CallFormAsync("apps.connections.open", [], ct, options.Value.AppToken)
            .ConfigureAwait(false);
        var url = opened.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String
            ? new Uri(u.GetString()!) : throw new SlackApiException("apps.connections.open", "no url in response");
        var socket = await sockets.ConnectAsync(url, ct).ConfigureAwait(false);
        var connection = new SlackSocketConnection(socket, inbox, logger, ct);
        try
        {
            await connection.Hello.WaitAsync(HelloTimeout, time, ct).ConfigureAwait(false);
        }
        catch
        {
            await connection.RetireAsync(TimeSpan.Zero, time).ConfigureAwait(false);
            throw;
        }

        logger.SocketConnected(url.Host);
        return connection;
    }
}

using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using CodeCube.Adapters.Connections;
using Microsoft.Extensions.Logging;

namespace CodeCube.Adapters.Discord.Gateway;

/// <summary>How one connection ended, and what the session loop should do next.</summary>
internal sealed record ConnectionEnd(bool Fatal, TimeSpan Delay, int? CloseCode, string Reason);

/// <summary>
/// One gateway connection: HELLO, heartbeats, IDENTIFY or RESUME, dispatches, until it ends. The session (id,
/// sequence, resume URL) outlives it.
/// </summary>
internal sealed class GatewayConnection(
    IGatewayTransport transport,
    GatewaySession session,
    ReconnectPolicy reconnect,
    string token,
    IGatewayJitter jitter,
    TimeProvider time,
    ILogger logger)
{
    /// <summary>Any close code but 1000/1001 keeps the session resumable.</summary>
    public const int ResumableCloseCode = 4900;

    private static readonly Dictionary<int, string> FatalCloseCodes = new()
    {
        [4004] = "authentication failed: the token is invalid",
        [4010] = "invalid shard",
        [4011] = "sharding required",
        [4012] = "invalid API version",
        [4013] = "invalid intents",
        [4014] = "disallowed intents: enable the Message Content intent in the developer portal (Bot > Privileged Gateway Intents)",
    };

    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly GatewaySendLimiter _limiter = new(time);
    private Task _heartbeat = Task.CompletedTask;
    private volatile bool _acknowledged = true;
    private volatile bool _zombie;

    public async Task<ConnectionEnd> RunAsync(
        Uri uri, Func<GatewayDispatch, CancellationToken, ValueTask> onDispatch, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        try
        {
            await transport.ConnectAsync(uri, ct).ConfigureAwait(false);
            logger.GatewayConnected(uri, session.CanResume);
            while (true)
            {
                var frame = await transport.ReceiveAsync(cts.Token).ConfigureAwait(false);
                if (frame.CloseCode is int code)
                {
                    return ServerClosed(code, frame.CloseReason);
                }

                var end = await HandleAsync(frame.Text!, onDispatch, cts).ConfigureAwait(false);
                if (end is not null)
                {
                    return end;
                }
            }
        }
        catch (OperationCanceledException) when (_zombie && !ct.IsCancellationRequested)
        {
            return Reconnect("no heartbeat ACK before the next heartbeat");
        }
        catch (Exception ex) when (ex is WebSocketException or IOException or JsonException && !ct.IsCancellationRequested)
        {
            return Reconnect($"connection lost: {ex.Message}");
        }
        finally
        {
            await cts.CancelAsync().ConfigureAwait(false);
            await _heartbeat.ConfigureAwait(false);
        }
    }

    private async Task<ConnectionEnd?> HandleAsync(
        string text, Func<GatewayDispatch, CancellationToken, ValueTask> onDispatch, CancellationTokenSource cts)
    {
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        root.TryGetProperty("d", out var data);
        if (!root.TryGetProperty("op", out var op) || op.ValueKind != JsonValueKind.Number)
        {
            return null; // not a gateway payload; nothing to act on
        }

        switch (op.GetInt32())
        {
            case GatewayOp.Hello:
                var interval = TimeSpan.FromMilliseconds(data.GetProperty("heartbeat_interval").GetDouble());
                // Started before IDENTIFY so its first timer exists by the time anything else happens.
                _heartbeat = HeartbeatAsync(interval, cts);
                var hello = session.CanResume
                    ? GatewayPayloads.Resume(token, session.SessionId!, session.Sequence)
                    : GatewayPayloads.Identify(token, session.Intents);
                if (!session.CanResume)
                {
                    session.IdentifiedAt = time.GetTimestamp();
                }

                await SendAsync(hello, cts.Token).ConfigureAwait(false);
                return null;
            case GatewayOp.HeartbeatAck:
                _acknowledged = true;
                return null;
            case GatewayOp.Heartbeat:
                await SendAsync(GatewayPayloads.Heartbeat(session.Sequence), cts.Token).ConfigureAwait(false);
                return null;
            case GatewayOp.Reconnect:
                await CloseAsync(ResumableCloseCode, "reconnect requested", cts.Token).ConfigureAwait(false);
                return Reconnect("the gateway asked us to reconnect (op 7)");
            case GatewayOp.InvalidSession:
                return await InvalidSessionAsync(data.ValueKind == JsonValueKind.True, cts.Token).ConfigureAwait(false);
            case GatewayOp.Dispatch:
                await DispatchAsync(root, data, onDispatch, cts.Token).ConfigureAwait(false);
                return null;
            default:
                return null;
        }
    }

    private async Task DispatchAsync(
        JsonElement root, JsonElement data, Func<GatewayDispatch, CancellationToken, ValueTask> onDispatch,
        CancellationToken ct)
    {
        var type = root.GetProperty("t").GetString() ?? "";
        switch (type)
        {
            case "READY":
                session.Ready(
                    data.GetProperty("session_id").GetString()!,
                    data.GetProperty("resume_gateway_url").GetString()!,
                    data.GetProperty("user").GetProperty("id").GetString()!);
                reconnect.Established();
                logger.GatewayReady(session.SessionId!, session.UserId!);
                // The adapter registers its commands for the application named here.
                await onDispatch(new GatewayDispatch(type, data.Clone()), ct).ConfigureAwait(false);
                break;
            case "RESUMED":
                reconnect.Established();
                logger.GatewayResumed(session.SessionId ?? "");
                break;
            default:
                await onDispatch(new GatewayDispatch(type, data.Clone()), ct).ConfigureAwait(false);
                break;
        }

        // Recorded only once handled, so a dispatch lost mid-hand-off is replayed on resume.
        if (root.TryGetProperty("s", out var s) && s.ValueKind == JsonValueKind.Number)
        {
            session.Observe(s.GetInt64());
        }
    }

    private async Task<ConnectionEnd> InvalidSessionAsync(bool resumable, CancellationToken ct)
    {
        if (resumable)
        {
            await CloseAsync(ResumableCloseCode, "invalid session, resuming", ct).ConfigureAwait(false);
            return Reconnect("invalid session (resumable)");
        }

        session.Invalidate();
        await CloseAsync(1000, "invalid session", ct).ConfigureAwait(false);
        // Discord asks for a random 1-5 s wait before identifying again.
        var wait = TimeSpan.FromSeconds(1 + (4 * jitter.Next()));
        return new ConnectionEnd(false, wait, null, "invalid session (not resumable)");
    }

    private ConnectionEnd ServerClosed(int code, string? reason)
    {
        if (FatalCloseCodes.TryGetValue(code, out var meaning))
        {
            return new ConnectionEnd(true, TimeSpan.Zero, code, meaning);
        }

        if (code is 4007 or 4009)
        {
            session.Invalidate();
        }

        return new ConnectionEnd(false, TimeSpan.Zero, code, $"closed by the gateway: {code} {reason}");
    }

    private ConnectionEnd Reconnect(string reason) => new(false, TimeSpan.Zero, null, reason);

    private async Task HeartbeatAsync(TimeSpan interval, CancellationTokenSource cts)
    {
        var ct = cts.Token;
        try
        {
            await Task.Delay(interval * jitter.Next(), time, ct).ConfigureAwait(false);
            while (true)
            {
                if (!_acknowledged)
                {
                    _zombie = true;
                    logger.HeartbeatNotAcknowledged();
                    await CloseAsync(ResumableCloseCode, "heartbeat not acknowledged", ct).ConfigureAwait(false);
                    await cts.CancelAsync().ConfigureAwait(false);
                    return;
                }

                // The next beat is timed from this one's start, not from when the send completes.
                var next = Task.Delay(interval, time, ct);
                _acknowledged = false;
                await SendAsync(GatewayPayloads.Heartbeat(session.Sequence), ct).ConfigureAwait(false);
                await next.ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException)
        {
            // The receive loop notices a dead connection on its own; nothing to add here.
        }
    }

    private async Task SendAsync(JsonObject payload, CancellationToken ct)
    {
        var bytes = GatewayPayloads.Serialize(payload);
        await _sendLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await _limiter.WaitAsync(ct).ConfigureAwait(false);
            await transport.SendAsync(bytes, ct).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task CloseAsync(int code, string reason, CancellationToken ct)
    {
        await _sendLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await transport.CloseOutputAsync(code, reason, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException)
        {
            // Already gone: the reconnect happens either way.
        }
        finally
        {
            _sendLock.Release();
        }
    }
}

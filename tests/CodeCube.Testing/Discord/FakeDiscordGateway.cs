using Microsoft.AspNetCore.Http;

namespace CodeCube.Testing.Discord;

/// <summary>What the bot sent over the gateway, on which connection.</summary>
public sealed record GatewayReceived(int Connection, string Path, int Op, JsonObject Payload);

/// <summary>
/// The gateway side of the protocol server, as discord-api-docs describe it: HELLO on connect, ACK for heartbeats,
/// READY for IDENTIFY, replay + RESUMED for RESUME (op 9 false for an unknown session), sequence numbers on dispatches.
/// </summary>
public sealed class FakeDiscordGateway(string token, string botUserId)
{
    private readonly Lock gate = new();
    private readonly List<GatewayServerConnection> connections = [];
    private readonly List<GatewayReceived> received = [];
    private readonly SemaphoreSlim sessionLock = new(1, 1);
    private readonly List<(long Seq, JsonObject Payload)> log = [];
    private string? sessionId;
    private long sequence;
    private int sessions;

    private int rejectNext;
    private int rejected;

    public int HeartbeatIntervalMs { get; set; } = 45000;

    /// <summary>Refuses the next <paramref name="count"/> WebSocket upgrades (an outage).</summary>
    public void RejectNextConnections(int count) => Volatile.Write(ref rejectNext, count);

    public int RejectedConnections => Volatile.Read(ref rejected);

    /// <summary>IDENTIFYs answered with READY: the session starts Discord counts against session_start_limit.</summary>
    public int SessionsStarted => Volatile.Read(ref sessions);

    public bool AckHeartbeats { get; set; } = true;

    /// <summary>Replays this many already-acknowledged dispatches on resume (at-least-once delivery).</summary>
    public int ReplayOverlap { get; set; }

    /// <summary>When false, IDENTIFY gets no READY (a test then sees heartbeats before any sequence).</summary>
    public bool ReadyOnIdentify { get; set; } = true;

    /// <summary>Intents this application was not granted: IDENTIFY asking for any of them is closed with 4014.</summary>
    public int DisallowedIntents { get; set; }

    /// <summary>Closes with this code instead of READY (4004, 4014, ...).</summary>
    public int? CloseOnIdentify { get; set; }

    public string ResumeUrl { get; set; } = "";

    public IReadOnlyList<GatewayReceived> Received { get { lock (gate) { return [.. received]; } } }

    public IReadOnlyList<GatewayServerConnection> Connections { get { lock (gate) { return [.. connections]; } } }

    public GatewayServerConnection Current => Connections.Last(c => c.Open);

    public Task<GatewayReceived> WaitForAsync(Func<GatewayReceived, bool> match) =>
        Eventually.ValueAsync(() => Received.FirstOrDefault(match), "the bot's gateway payload");

    public async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest || Interlocked.Decrement(ref rejectNext) >= 0)
        {
            Interlocked.Increment(ref rejected);
            context.Response.StatusCode = 503;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        GatewayServerConnection connection;
        lock (gate)
        {
            connection = new GatewayServerConnection(connections.Count, context.Request.Path, context.Request.QueryString.Value ?? "", context, socket);
            connections.Add(connection);
        }

        var hello = DiscordFixtures.Json("gateway-op10-hello.json");
        hello["d"]!["heartbeat_interval"] = HeartbeatIntervalMs;
        await connection.SendAsync(hello);
        try
        {
            await ReceiveLoopAsync(connection, socket);
        }
        catch (WebSocketException)
        {
            // The bot dropped the connection.
        }
        finally
        {
            connection.Open = false;
        }
    }

    /// <summary>Sends a dispatch with the next sequence number; kept for replay on resume.</summary>
    public async Task DispatchAsync(string type, JsonObject data)
    {
        await sessionLock.WaitAsync();
        try
        {
            var payload = NextDispatch(type, data);
            var open = Connections.LastOrDefault(c => c.Open);
            if (open is not null)
            {
                await open.SendAsync(payload);
            }
        }
        finally
        {
            sessionLock.Release();
        }
    }

    private JsonObject NextDispatch(string type, JsonObject data)
    {
        var payload = DiscordFixtures.Json("gateway-payload-example.json");
        payload["t"] = type;
        payload["s"] = ++sequence;
        payload["d"] = data;
        log.Add((sequence, payload));
        return payload;
    }

    private async Task ReceiveLoopAsync(GatewayServerConnection connection, WebSocket socket)
    {
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                connection.ClientCloseCode = (int?)result.CloseStatus;
                connection.Open = false;
                return;
            }

            // The bot's payloads are far below the buffer (the docs cap them at 4096 bytes).
            var payload = JsonNode.Parse(Encoding.UTF8.GetString(buffer, 0, result.Count))!.AsObject();
            var op = (int)payload["op"]!;
            switch (op)
            {
                case 1 when AckHeartbeats:
                    Record(connection, op, payload);
                    await connection.SendAsync(DiscordFixtures.Json("gateway-op11-heartbeat-ack.json"));
                    break;
                case 2:
                    await IdentifyAsync(connection, payload);
                    break;
                case 6:
                    await ResumeAsync(connection, payload);
                    break;
                default:
                    Record(connection, op, payload);
                    break;
            }
        }
    }

    private void Record(GatewayServerConnection connection, int op, JsonObject payload)
    {
        lock (gate)
        {
            received.Add(new GatewayReceived(connection.Index, connection.Path, op, payload));
        }
    }

    private async Task IdentifyAsync(GatewayServerConnection connection, JsonObject payload)
    {
        await sessionLock.WaitAsync();
        try
        {
            if ((string?)payload["d"]!["token"] != token)
            {
                await connection.CloseAsync(4004, "Authentication failed.");
            }
            else if (CloseOnIdentify is int code)
            {
                await connection.CloseAsync(code, "Disallowed intent(s).");
            }
            else if (((int?)payload["d"]!["intents"] ?? 0) is var intents && (intents & DisallowedIntents) != 0)
            {
                await connection.CloseAsync(4014, "Disallowed intent(s).");
            }
            else if (ReadyOnIdentify)
            {
                sessionId = $"session-{Interlocked.Increment(ref sessions)}";
                sequence = 0;
                log.Clear();
                var ready = new JsonObject
                {
                    ["v"] = 10,
                    ["user"] = new JsonObject { ["id"] = botUserId, ["username"] = "codecube", ["bot"] = true },
                    ["guilds"] = new JsonArray(),
                    ["session_id"] = sessionId,
                    ["resume_gateway_url"] = ResumeUrl,
                    ["application"] = new JsonObject { ["id"] = botUserId, ["flags"] = 0 },
                };
                await connection.SendAsync(NextDispatch("READY", ready));
            }

            // Recorded once answered, so a test that saw it can dispatch without racing READY.
            Record(connection, 2, payload);
        }
        finally
        {
            sessionLock.Release();
        }
    }

    private async Task ResumeAsync(GatewayServerConnection connection, JsonObject payload)
    {
        await sessionLock.WaitAsync();
        try
        {
            var d = payload["d"]!;
            if ((string?)d["session_id"] != sessionId || (string?)d["token"] != token)
            {
                var invalid = DiscordFixtures.Json("gateway-op9-invalid-session.json");
                await connection.SendAsync(invalid);
            }
            else
            {
                var from = (long)d["seq"]! - ReplayOverlap;
                foreach (var (_, missed) in log.Where(e => e.Seq > from).ToList())
                {
                    await connection.SendAsync(missed.DeepClone());
                }

                await connection.SendAsync(NextDispatch("RESUMED", new JsonObject()));
            }

            Record(connection, 6, payload);
        }
        finally
        {
            sessionLock.Release();
        }
    }
}

namespace CodeCube.Adapters.Discord.Gateway;

/// <summary>One frame from the gateway: a text payload, or the close the server sent.</summary>
internal readonly record struct GatewayFrame(string? Text, int? CloseCode, string? CloseReason)
{
    public static GatewayFrame Message(string text) => new(text, null, null);

    public static GatewayFrame Closed(int code, string? reason) => new(null, code, reason);
}

/// <summary>
/// One gateway WebSocket connection. The seam a test scripts; production uses <see cref="ClientWebSocketTransport"/>.
/// One send and one receive may be in flight at once (as with ClientWebSocket).
/// </summary>
internal interface IGatewayTransport : IAsyncDisposable
{
    Task ConnectAsync(Uri uri, CancellationToken ct);

    Task SendAsync(ReadOnlyMemory<byte> utf8Json, CancellationToken ct);

    /// <summary>The next complete text message, or the server's close. Throws when the connection drops.</summary>
    Task<GatewayFrame> ReceiveAsync(CancellationToken ct);

    /// <summary>Sends a close frame without waiting for the reply (a zombie server never answers).</summary>
    Task CloseOutputAsync(int code, string reason, CancellationToken ct);
}

internal interface IGatewayTransportFactory
{
    IGatewayTransport Create();
}

/// <summary>A number in [0, 1): heartbeat jitter, the invalid-session wait, reconnect jitter. Injectable so tests are exact.</summary>
internal interface IGatewayJitter
{
    double Next();
}

internal sealed class RandomGatewayJitter : IGatewayJitter
{
    public double Next() => Random.Shared.NextDouble();
}

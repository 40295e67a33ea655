using System.Buffers;
using System.Net.WebSockets;

namespace CodeCube.Adapters.Discord.Gateway;

internal sealed class WebSocketGatewayTransportFactory : IGatewayTransportFactory
{
    public IGatewayTransport Create() => new ClientWebSocketTransport();
}

internal sealed class ClientWebSocketTransport : IGatewayTransport
{
    // Discord closes with 4002 on oversized payloads it receives; what it sends can be large (READY), so grow.
    private const int MaxIncomingBytes = 16 * 1024 * 1024;
    private readonly ClientWebSocket _socket = new();

    public Task ConnectAsync(Uri uri, CancellationToken ct) => _socket.ConnectAsync(uri, ct);

    public Task SendAsync(ReadOnlyMemory<byte> utf8Json, CancellationToken ct) =>
        _socket.SendAsync(utf8Json, WebSocketMessageType.Text, endOfMessage: true, ct).AsTask();

    public async Task<GatewayFrame> ReceiveAsync(CancellationToken ct)
    {
        var buffer = new ArrayBufferWriter<byte>(8192);
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer.GetMemory(8192), ct).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return GatewayFrame.Closed((int)(_socket.CloseStatus ?? WebSocketCloseStatus.Empty), _socket.CloseStatusDescription);
            }

            buffer.Advance(result.Count);
            if (buffer.WrittenCount > MaxIncomingBytes)
            {
                throw new WebSocketException("Gateway message exceeds the size this client accepts.");
            }

            if (result.EndOfMessage)
            {
                // Binary frames only appear with compression, which we never request.
                return GatewayFrame.Message(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
            }
        }
    }

    public async Task CloseOutputAsync(int code, string reason, CancellationToken ct)
    {
        if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            await _socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, ct).ConfigureAwait(false);
        }
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}

using System.Net.WebSockets;
using System.Text;

namespace CodeCube.Adapters.Slack;

/// <summary>One Socket Mode WebSocket, as text frames; the seam tests script.</summary>
public interface ISlackSocket : IAsyncDisposable
{
    /// <summary>The next whole text message, or null once the connection is closed.</summary>
    Task<string?> ReceiveAsync(CancellationToken ct);

    Task SendAsync(string text, CancellationToken ct);

    /// <summary>Starts the close handshake; messages already in flight may still be received.</summary>
    Task CloseAsync(CancellationToken ct);
}

/// <summary>Opens <see cref="ISlackSocket"/>s to the URL apps.connections.open returned.</summary>
public interface ISlackSocketFactory
{
    Task<ISlackSocket> ConnectAsync(Uri url, CancellationToken ct);
}

internal sealed class ClientWebSocketFactory : ISlackSocketFactory
{
    public async Task<ISlackSocket> ConnectAsync(Uri url, CancellationToken ct)
    {
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(30);
        try
        {
            await socket.ConnectAsync(url, ct).ConfigureAwait(false);
            return new ClientSlackSocket(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

internal sealed class ClientSlackSocket(ClientWebSocket socket) : ISlackSocket
{
    // Envelopes are small JSON; anything far larger is a broken or hostile peer.
    private const int MaxMessageBytes = 4 * 1024 * 1024;
    private readonly SemaphoreSlim _sendGate = new(1, 1);

    public async Task<string?> ReceiveAsync(CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            WebSocketReceiveResult result;
            try
            {
                result = await socket.ReceiveAsync(buffer, ct).ConfigureAwait(false);
            }
            catch (WebSocketException)
            {
                return null;
            }

            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (message.Length > MaxMessageBytes)
            {
                throw new InvalidDataException("Slack socket message exceeds 4 MiB.");
            }

            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
            }
        }
    }

    public async Task SendAsync(string text, CancellationToken ct)
    {
        await _sendGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, ct)
                .ConfigureAwait(false);
        }
        finally
        {
            _sendGate.Release();
        }
    }

    public async Task CloseAsync(CancellationToken ct)
    {
        await _sendGate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, ct).ConfigureAwait(false);
            }
        }
        catch (WebSocketException)
        {
            // Already gone: nothing left to close.
        }
        finally
        {
            _sendGate.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        socket.Dispose();
        _sendGate.Dispose();
        return ValueTask.CompletedTask;
    }
}

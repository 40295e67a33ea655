using Microsoft.AspNetCore.Http;

namespace CodeCube.Testing.Discord;

/// <summary>One accepted gateway WebSocket.</summary>
public sealed class GatewayServerConnection(int index, string path, string query, HttpContext context, WebSocket socket)
{
    private readonly SemaphoreSlim sendLock = new(1, 1);

    public int Index { get; } = index;

    public string Path { get; } = path;

    public string Query { get; } = query;

    /// <summary>The close code the bot sent, if it closed the connection itself.</summary>
    public int? ClientCloseCode { get; set; }

    public bool Open { get; set; } = true;

    public async Task SendAsync(JsonNode payload)
    {
        await sendLock.WaitAsync();
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(payload.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            sendLock.Release();
        }
    }

    public async Task CloseAsync(int code, string reason)
    {
        await sendLock.WaitAsync();
        try
        {
            await socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, CancellationToken.None);
        }
        finally
        {
            sendLock.Release();
        }
    }

    /// <summary>Drops the TCP connection without a close handshake, as a network failure would.</summary>
    public void Drop()
    {
        try
        {
            context.Abort();
        }
        catch (ObjectDisposedException)
        {
            // The request already ended: nothing left to drop.
        }
    }
}

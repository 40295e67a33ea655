using System.Threading.Channels;

namespace CodeCube.Testing.Slack;

/// <summary>The server end of one Socket Mode connection: the test sends envelopes and reads the bot's acks.</summary>
public sealed class SlackTestSocket(WebSocket socket, string query)
{
    private readonly Channel<string> _received = Channel.CreateUnbounded<string>();
    private readonly TaskCompletionSource _closedByBot = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _sendGate = new(1, 1);

    public string Query { get; } = query;

    /// <summary>Completes when the bot starts the close handshake.</summary>
    public Task ClosedByBot => _closedByBot.Task;

    public async Task SendAsync(string json)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await _sendGate.WaitAsync(timeout.Token);
        try
        {
            // Sending on a socket the bot closed throws, which is how a test notices.
            await socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, timeout.Token);
        }
        finally
        {
            _sendGate.Release();
        }
    }

    /// <summary>The next message the bot sent (an ack), or a timeout failure.</summary>
    public async Task<string> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        return await _received.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>Drops the connection the way a network failure would: no disconnect notice.</summary>
    public void Abort() => socket.Abort();

    internal async Task RunAsync(CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer, ct);
                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    _closedByBot.TrySetResult();
                    await _sendGate.WaitAsync(ct);
                    try
                    {
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, ct);
                    }
                    finally
                    {
                        _sendGate.Release();
                    }

                    return;
                }

                await _received.Writer.WriteAsync(Encoding.UTF8.GetString(message.ToArray()), ct);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The bot went away; the test asserts on what was received before.
        }
        finally
        {
            _received.Writer.TryComplete();
        }
    }
}

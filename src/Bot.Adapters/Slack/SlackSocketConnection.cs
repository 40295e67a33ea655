using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace CodeCube.Adapters.Slack;

/// <summary>
/// One open Socket Mode socket and its reader. Every envelope is acknowledged the moment it arrives (Slack wants
/// the ack within 3 s and redelivers otherwise); only then is its payload queued for the adapter.
/// </summary>
internal sealed class SlackSocketConnection
{
    private readonly ISlackSocket _socket;
    private readonly SlackInbox _inbox;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop;
    private readonly TaskCompletionSource _hello = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<string?> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _reader;

    public SlackSocketConnection(ISlackSocket socket, SlackInbox inbox, ILogger logger, CancellationToken ct)
    {
        _socket = socket;
        _inbox = inbox;
        _logger = logger;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        _reader = Task.Run(() => ReadAsync(_stop.Token), CancellationToken.None);
    }

    /// <summary>Completes when Slack says hello on this socket.</summary>
    public Task Hello => _hello.Task;

    /// <summary>The disconnect reason Slack announced, or null if the socket closed without one.</summary>
    public Task<string?> Ended => _ended.Task;

    /// <summary>Closes the socket, reading what is still in flight for up to <paramref name="drain"/>.</summary>
    public async Task RetireAsync(TimeSpan drain, TimeProvider time)
    {
        try
        {
            using var closeTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(5), time);
            await _socket.CloseAsync(closeTimeout.Token).ConfigureAwait(false);
            if (drain > TimeSpan.Zero)
            {
                await _reader.WaitAsync(drain, time).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            // The peer did not finish the close handshake in time; dropping it is all that is left.
        }
        finally
        {
            await _stop.CancelAsync().ConfigureAwait(false);
            await _reader.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            await _socket.DisposeAsync().ConfigureAwait(false);
            _stop.Dispose();
        }
    }

    private async Task ReadAsync(CancellationToken ct)
    {
        try
        {
            while (await _socket.ReceiveAsync(ct).ConfigureAwait(false) is { } text)
            {
                await HandleAsync(text, ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Retired.
        }
        catch (Exception e)
        {
            _logger.SocketReaderFailed(e);
        }
        finally
        {
            _hello.TrySetException(new IOException("Slack socket closed before hello."));
            _ended.TrySetResult(null);
        }
    }

    private async Task HandleAsync(string text, CancellationToken ct)
    {
        JsonElement message;
        try
        {
            using var doc = JsonDocument.Parse(text);
            message = doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            _logger.SocketUnreadable(text.Length);
            return;
        }

        if (message.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var type = message.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String
            ? t.GetString() : null;
        switch (type)
        {
            case "hello":
                _hello.TrySetResult();
                return;
            case "disconnect":
                var reason = message.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String
                    ? r.GetString()! : "unknown";
                _ended.TrySetResult(reason);
                return;
        }

        if (!message.TryGetProperty("envelope_id", out var envelopeId) || envelopeId.ValueKind != JsonValueKind.String)
        {
            return;
        }

        try
        {
            var ack = new JsonObject { ["envelope_id"] = envelopeId.GetString() };
            await _socket.SendAsync(ack.ToJsonString(), ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Slack redelivers an unacknowledged envelope; the event_id dedupe keeps that from running twice.
            _logger.AckFailed(e);
        }

        // Slash commands and interactive payloads are told apart from events by their shape (SlackInteractionTranslator).
        if (type is "events_api" or "slash_commands" or "interactive" && message.TryGetProperty("payload", out var payload)
            && payload.ValueKind == JsonValueKind.Object)
        {
            await _inbox.WriteAsync(payload, ct).ConfigureAwait(false);
        }
    }
}

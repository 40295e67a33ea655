using CodeCube.Adapters.Irc;

namespace CodeCube.Adapters.Tests.Irc;

/// <summary>An <see cref="IIrcConnection"/> the test plays the server for: it reads what the client wrote.</summary>
public sealed class ScriptedConnection : IIrcConnection
{
    private readonly Channel<string> _toClient = Channel.CreateUnbounded<string>();
    private readonly Channel<string> _fromClient = Channel.CreateUnbounded<string>();
    private readonly TaskCompletionSource _disposed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Disposed => _disposed.Task;

    public void Send(string line) => _toClient.Writer.TryWrite(line);

    public void Close() => _toClient.Writer.TryComplete();

    /// <summary>The next line the client wrote, skipping none.</summary>
    public async Task<string> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await _fromClient.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>Reads client lines until one starts with <paramref name="prefix"/>; returns it.</summary>
    public async Task<string> ExpectAsync(string prefix)
    {
        while (true)
        {
            var line = await NextAsync();
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return line;
            }
        }
    }

    public bool TryTakeSent(out string line) => _fromClient.Reader.TryRead(out line!);

    public async ValueTask<string?> ReadLineAsync(CancellationToken ct)
    {
        try
        {
            return await _toClient.Reader.ReadAsync(ct);
        }
        catch (ChannelClosedException)
        {
            return null;
        }
    }

    public ValueTask WriteLineAsync(string line, CancellationToken ct)
    {
        if (_disposed.Task.IsCompleted)
        {
            throw new ObjectDisposedException(nameof(ScriptedConnection));
        }
        _fromClient.Writer.TryWrite(line);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _toClient.Writer.TryComplete();
        _disposed.TrySetResult();
        return ValueTask.CompletedTask;
    }
}

/// <summary>Hands out a fresh scripted connection per connect and lets the test wait for each.</summary>
public sealed class ScriptedConnector : IIrcConnector
{
    private readonly Channel<ScriptedConnection> _connections = Channel.CreateUnbounded<ScriptedConnection>();

    public int Connects { get; private set; }

    public Task<IIrcConnection> ConnectAsync(CancellationToken ct)
    {
        var connection = new ScriptedConnection();
        Connects++;
        _connections.Writer.TryWrite(connection);
        return Task.FromResult<IIrcConnection>(connection);
    }

    public async Task<ScriptedConnection> NextConnectionAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await _connections.Reader.ReadAsync(timeout.Token);
    }
}

using System.Collections.Concurrent;

namespace CodeCube.Adapters.Irc;

/// <summary>State of one connection: who the server thinks we are and where we are joined.</summary>
internal sealed class IrcSession(IIrcConnection connection, string nick) : IAsyncDisposable
{
    private readonly SemaphoreSlim _writeLock = new(1, 1);

    public IIrcConnection Connection { get; } = connection;

    public volatile string Nick = nick;

    /// <summary>Null until the server told us (001 text, our JOIN echo, 396); budgets stay conservative until then.</summary>
    public volatile string? User;

    public volatile string? Host;

    public volatile bool Registered;

    public bool JoinSent;

    public int NickAttempt;

    public bool NickTooLong;

    public int NickLength = 30;

    public List<string> OfferedCaps { get; } = [];

    public string? SaslMechanisms;

    public bool SaslRequested;

    public bool SaslDone;

    /// <summary>CAP REQs the server has not answered (ACK or NAK) yet; CAP END waits for them.</summary>
    public int PendingCapRequests;

    public bool CapEnded;

    public List<string> EnabledCaps { get; } = [];

    public ConcurrentDictionary<string, bool> Joined { get; } = new(StringComparer.OrdinalIgnoreCase);

    public async Task SendAsync(IrcMessage message, CancellationToken ct)
    {
        var line = message.Serialize();
        await _writeLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await Connection.WriteLineAsync(line, ct).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public bool IsMe(string nick) => string.Equals(nick, Nick, StringComparison.OrdinalIgnoreCase);

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}

namespace CodeCube.Adapters.Irc;

/// <summary>One IRC link as lines: the seam unit tests script and the TCP/TLS transport implements.</summary>
public interface IIrcConnection : IAsyncDisposable
{
    /// <summary>The next line without CR LF, or null when the server closed the link.</summary>
    ValueTask<string?> ReadLineAsync(CancellationToken ct);

    /// <summary>Writes one line; the transport adds CR LF. Callers send one writer at a time.</summary>
    ValueTask WriteLineAsync(string line, CancellationToken ct);
}

/// <summary>Opens links to the configured server.</summary>
public interface IIrcConnector
{
    Task<IIrcConnection> ConnectAsync(CancellationToken ct);
}

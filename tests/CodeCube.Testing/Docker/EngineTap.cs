using System.Net.Sockets;
using System.Text;

namespace CodeCube.Testing.Docker;

/// <summary>
/// A unix socket in front of the real engine that passes every byte through and counts what a client costs the
/// engine: connections opened and HTTP requests sent (request lines seen at the start of a request, so the bytes of
/// an attached container's stdin are not mistaken for requests once a connection is hijacked). It can also hold
/// requests back (<see cref="Hold"/>) to make the engine slow at a chosen moment.
/// </summary>
public sealed partial class EngineTap : IAsyncDisposable
{
    private const string Engine = "/var/run/docker.sock";
    private static readonly string[] Methods = ["GET ", "POST ", "DELETE ", "PUT ", "HEAD "];

    private readonly Socket _listener = new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _pipes = [];
    private readonly Lock _gate = new();
    private readonly Task _accepting;
    private readonly List<string> _requests = [];
    private int _connections;
    private string? _holdPattern;
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _held;

    public EngineTap()
    {
        SocketPath = Path.Combine(Path.GetTempPath(), $"codecube-tap-{Guid.NewGuid():N}.sock");
        _listener.Bind(new UnixDomainSocketEndPoint(SocketPath));
        _listener.Listen(64);
        _accepting = AcceptAsync();
    }

    public string SocketPath { get; }

    /// <summary>For <c>Sandbox:DockerEndpoint</c>.</summary>
    public string Endpoint => $"unix://{SocketPath}";

    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Request lines so far ("POST /v1.41/containers/create"), in order.</summary>
    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Requests held back right now.</summary>
    public int Held => Volatile.Read(ref _held);

    /// <summary>Holds every request whose line contains <paramref name="pattern"/> until <see cref="Release"/>.</summary>
    public void Hold(string pattern) => Volatile.Write(ref _holdPattern, pattern);

    /// <summary>Lets held requests through and holds no more.</summary>
    public void Release()
    {
        Volatile.Write(ref _holdPattern, null);
        _release.TrySetResult();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref _connections);
            lock (_gate)
            {
                _pipes.Add(PipeAsync(client));
            }
        }
    }

    private async Task PipeAsync(Socket client)
    {
        using var engine = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        using (client)
        {
            try
            {
                await engine.ConnectAsync(new UnixDomainSocketEndPoint(Engine), _stop.Token);
                var up = CopyAsync(client, engine, countRequests: true);
                var down = CopyAsync(engine, client, countRequests: false);
                await Task.WhenAny(up, down);
                await Task.WhenAll(up, down).WaitAsync(TimeSpan.FromSeconds(30), _stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or IOException or TimeoutException)
            {
                // The client or the engine went away; the tap only counts.
            }
        }
    }

    private async Task CopyAsync(Socket from, Socket to, bool countRequests)
    {
        var buffer = new byte[64 * 1024];
        var hijacked = false;
        try
        {
            while (true)
            {
                var n = await from.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                if (n == 0)
                {
                    to.Shutdown(SocketShutdown.Send);
                    return;
                }

                if (countRequests && !hijacked)
                {
                    var text = Encoding.ASCII.GetString(buffer, 0, n);
                    if (Volatile.Read(ref _holdPattern) is { } pattern && text.Contains(pattern, StringComparison.Ordinal))
                    {
                        Interlocked.Increment(ref _held);
                        await _release.Task.WaitAsync(_stop.Token);
                        Interlocked.Decrement(ref _held);
                    }

                    foreach (var line in text.Split("\r\n").Where(l => Methods.Any(m => l.StartsWith(m, StringComparison.Ordinal))))
                    {
                        var words = line.Split(' ');
                        lock (_gate)
                        {
                            _requests.Add($"{words[0]} {ContainerId().Replace(words[1].Split('?')[0], "{id}")}");
                        }

                        // After an attach the connection carries the container's stdin, not requests.
                        hijacked |= words[1].Contains("/attach", StringComparison.Ordinal);
                    }
                }

                await to.SendAsync(buffer.AsMemory(0, n), SocketFlags.None, _stop.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // One side closed: the other copy ends on its own.
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("[0-9a-f]{64}")]
    private static partial System.Text.RegularExpressions.Regex ContainerId();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Dispose();
        await _accepting;
        Task[] pipes;
        lock (_gate)
        {
            pipes = [.. _pipes];
        }

        await Task.WhenAll(pipes);
        File.Delete(SocketPath);
        _stop.Dispose();
    }
}

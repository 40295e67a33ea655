using CodeCube.Testing.Hosting;
using StackExchange.Redis;

namespace CodeCube.Testing.Redis;

/// <summary>
/// A real redis-server child process on 127.0.0.1 and a free port, in its own temporary directory, so tests run
/// beside other helpers' servers. A missing redis-server fails the test: CI must provide it.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly Process _process;

    private RedisServer(Process process, int port, string directory)
    {
        _process = process;
        Port = port;
        Directory = directory;
    }

    public int Port { get; }

    public string Directory { get; }

    public string Configuration => $"127.0.0.1:{Port},allowAdmin=true,connectTimeout=2000";

    public static async Task<RedisServer> StartAsync(bool appendOnly = false, string? directory = null, int? port = null)
    {
        var dir = directory ?? System.IO.Directory.CreateTempSubdirectory("codecube-redis-").FullName;
        var chosenPort = port ?? Loopback.FreePort();
        var start = new ProcessStartInfo("redis-server");
        foreach (var arg in new[]
        {
            "--port", chosenPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
            "--save", "", "--appendonly", appendOnly ? "yes" : "no", "--dir", dir,
        })
        {
            start.ArgumentList.Add(arg);
        }

        return new RedisServer(await ServerProcess.StartAsync(start, chosenPort), chosenPort, dir);
    }

    /// <summary>SHUTDOWN (which writes the AOF to disk) and wait for the process to end.</summary>
    public async Task ShutdownAsync()
    {
        await using (var redis = await ConnectionMultiplexer.ConnectAsync(Configuration))
        {
            try
            {
                redis.GetServer("127.0.0.1", Port).Shutdown();
            }
            catch (RedisConnectionException)
            {
                // The server closes the connection as it exits; that is the expected answer.
            }
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    /// <summary>Removes the data directory; only for servers whose directory the caller no longer needs.</summary>
    public void DeleteDirectory()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Leftovers in /tmp are harmless; a failed cleanup must not fail a test.
        }
    }
}

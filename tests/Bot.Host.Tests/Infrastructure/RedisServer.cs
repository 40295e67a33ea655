using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace CodeCube.Host.Tests.Infrastructure;

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

    public static Task<RedisServer> StartAsync(bool appendOnly = false, string? directory = null, int? port = null)
    {
        var dir = directory ?? System.IO.Directory.CreateTempSubdirectory("codecube-redis-").FullName;
        var chosenPort = port ?? FreePort();
        var start = new ProcessStartInfo("redis-server")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "--port", chosenPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
            "--save", "", "--appendonly", appendOnly ? "yes" : "no", "--dir", dir,
        })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start");
        // Drain its output so a chatty server never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return WaitReadyAsync(new RedisServer(process, chosenPort, dir));
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
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

    private static async Task<RedisServer> WaitReadyAsync(RedisServer server)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            if (server._process.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited with {server._process.ExitCode} on port {server.Port}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, server.Port);
                return server;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
        }
    }
}

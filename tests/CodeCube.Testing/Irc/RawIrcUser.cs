using System.Net.Sockets;
using System.Threading.Channels;

namespace CodeCube.Testing.Irc;

/// <summary>A plain-socket IRC user for integration tests; keeps every received line as raw bytes.</summary>
public sealed class RawIrcUser : IAsyncDisposable
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);
    private readonly TcpClient _client = new();
    private readonly Channel<byte[]> _lines = Channel.CreateUnbounded<byte[]>();
    private NetworkStream? _stream;
    private Task? _pump;

    public required string Nick { get; init; }

    public static async Task<RawIrcUser> ConnectAsync(int port, string nick, params string[] channels)
    {
        var user = new RawIrcUser { Nick = nick };
        await user._client.ConnectAsync("127.0.0.1", port);
        user._stream = user._client.GetStream();
        user._pump = user.PumpAsync();
        await user.SendAsync($"NICK {nick}");
        await user.SendAsync($"USER {nick} 0 * :raw test user");
        await user.WaitForAsync(l => l.Contains(" 001 ", StringComparison.Ordinal));
        foreach (var channel in channels)
        {
            await user.SendAsync($"JOIN {channel}");
            await user.WaitForAsync(l => l.Contains(" 366 ", StringComparison.Ordinal) && l.Contains(channel, StringComparison.Ordinal));
        }
        return user;
    }

    public async Task SendAsync(string line)
    {
        await _stream!.WriteAsync(Encoding.UTF8.GetBytes(line + "\r\n"));
    }

    /// <summary>The next line as raw bytes including CR LF, so tests can check sizes and encoding.</summary>
    public async Task<byte[]> NextRawAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        return await _lines.Reader.ReadAsync(cts.Token);
    }

    public async Task<string> WaitForAsync(Func<string, bool> match, TimeSpan? timeout = null)
    {
        while (true)
        {
            var line = Decode(await NextRawAsync(timeout));
            if (match(line))
            {
                return line;
            }
        }
    }

    /// <summary>The next PRIVMSG's raw bytes; other traffic is skipped.</summary>
    public async Task<byte[]> NextPrivmsgRawAsync(TimeSpan? timeout = null)
    {
        while (true)
        {
            var raw = await NextRawAsync(timeout);
            if (Decode(raw).Contains(" PRIVMSG ", StringComparison.Ordinal))
            {
                return raw;
            }
        }
    }

    /// <summary>
    /// Waits until <paramref name="nick"/> is in <paramref name="channel"/>. It may join before or after this user; a
    /// NAMES reply listing it settles which without racing its JOIN.
    /// </summary>
    public Task WaitForMemberAsync(string channel, string nick) =>
        Eventually.TrueAsync(async () =>
        {
            await SendAsync($"NAMES {channel}");
            var names = await WaitForAsync(l => l.Contains(" 353 ", StringComparison.Ordinal) || l.Contains(" 366 ", StringComparison.Ordinal));
            if (!names.Contains(" 353 ", StringComparison.Ordinal))
            {
                return false;
            }

            await WaitForAsync(l => l.Contains(" 366 ", StringComparison.Ordinal));
            return names.Contains(nick, StringComparison.Ordinal);
        }, $"{nick} to join {channel}", TimeSpan.FromSeconds(60));

    /// <summary>The texts of the next <paramref name="count"/> PRIVMSGs from <paramref name="nick"/>; others' lines are skipped.</summary>
    public async Task<string[]> PrivmsgsFromAsync(string nick, int count, TimeSpan? timeout = null)
    {
        var lines = new List<string>();
        while (lines.Count < count)
        {
            var raw = await NextPrivmsgRawAsync(timeout);
            if (Decode(raw).StartsWith($":{nick}!", StringComparison.Ordinal))
            {
                lines.Add(PrivmsgText(raw));
            }
        }

        return [.. lines];
    }

    /// <summary>Round-trips a PING, returning every line the server sent before its PONG.</summary>
    public async Task<List<string>> DrainAsync()
    {
        var token = Guid.NewGuid().ToString("N");
        await SendAsync($"PING :{token}");
        var seen = new List<string>();
        while (true)
        {
            var line = Decode(await NextRawAsync());
            if (line.Contains(" PONG ", StringComparison.Ordinal) && line.Contains(token, StringComparison.Ordinal))
            {
                return seen;
            }
            seen.Add(line);
        }
    }

    /// <summary>The text of a PRIVMSG line (its trailing parameter), decoded strictly.</summary>
    public static string PrivmsgText(byte[] raw)
    {
        var line = StrictUtf8.GetString(raw).TrimEnd('\r', '\n');
        return line[(line.IndexOf(" :", StringComparison.Ordinal) + 2)..];
    }

    public static string Decode(byte[] raw) => Encoding.UTF8.GetString(raw).TrimEnd('\r', '\n');

    private async Task PumpAsync()
    {
        var buffer = new byte[8192];
        var pending = new List<byte>();
        try
        {
            while (true)
            {
                var read = await _stream!.ReadAsync(buffer);
                if (read == 0)
                {
                    break;
                }
                for (var i = 0; i < read; i++)
                {
                    pending.Add(buffer[i]);
                    if (buffer[i] == '\n')
                    {
                        var line = pending.ToArray();
                        pending.Clear();
                        if (Decode(line).StartsWith("PING ", StringComparison.Ordinal))
                        {
                            await SendAsync("PONG " + Decode(line)[5..]);
                        }
                        _lines.Writer.TryWrite(line);
                    }
                }
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
        }
        finally
        {
            _lines.Writer.TryComplete();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        if (_pump is not null)
        {
            await _pump.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}

using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CodeCube.Adapters.Irc;

/// <summary>TCP (optionally TLS) links; certificates must validate or match the configured SHA-256 fingerprint.</summary>
public sealed class TcpIrcConnector(IOptions<IrcOptions> options, ILogger<TcpIrcConnector> logger) : IIrcConnector
{
    public async Task<IIrcConnection> ConnectAsync(CancellationToken ct)
    {
        var o = options.Value;
        var client = new TcpClient { NoDelay = true };
        try
        {
            await client.ConnectAsync(o.Server, o.EffectivePort, ct).ConfigureAwait(false);
            Stream stream = client.GetStream();
            if (o.UseTls)
            {
                var pinned = o.AcceptFingerprint is { } fp ? Fingerprint.Normalize(fp) : null;
                var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
                stream = ssl;
                await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
                {
                    TargetHost = o.Server,
                    RemoteCertificateValidationCallback = (_, cert, _, errors) => Accept(cert, errors, pinned),
                }, ct).ConfigureAwait(false);
            }
            return new TcpIrcConnection(client, stream);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private bool Accept(X509Certificate? certificate, SslPolicyErrors errors, string? pinned)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }
        if (certificate is not null && pinned is not null && Fingerprint.Of(certificate) == pinned)
        {
            return true;
        }
        logger.CertificateRejected(errors, certificate is null ? "none" : Fingerprint.Of(certificate));
        return false;
    }
}

/// <summary>Lines over a stream. Over-long lines are cut (tags may use 8 KiB; more is a misbehaving server).</summary>
internal sealed class TcpIrcConnection(TcpClient client, Stream stream) : IIrcConnection
{
    private const int MaxLineBytes = 16 * 1024;
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
    private readonly byte[] _buffer = new byte[MaxLineBytes];
    private int _start;
    private int _end;

    public async ValueTask<string?> ReadLineAsync(CancellationToken ct)
    {
        var discarding = false;
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0)
            {
                var length = newline - _start;
                if (length > 0 && _buffer[newline - 1] == '\r')
                {
                    length--;
                }
                var line = Utf8.GetString(_buffer, _start, length);
                _start = newline + 1;
                if (!discarding)
                {
                    return line;
                }
                discarding = false;
                continue;
            }
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }
            if (_end == _buffer.Length)
            {
                // A line longer than any server may send: drop it whole rather than parse half of it.
                _end = 0;
                discarding = true;
            }
            var read = await stream.ReadAsync(_buffer.AsMemory(_end), ct).ConfigureAwait(false);
            if (read == 0)
            {
                return null;
            }
            _end += read;
        }
    }

    public async ValueTask WriteLineAsync(string line, CancellationToken ct)
    {
        if (line.AsSpan().IndexOfAny("\r\n\0") >= 0)
        {
            throw new ArgumentException("A line must not contain CR, LF or NUL.", nameof(line));
        }
        var bytes = Utf8.GetBytes(line + "\r\n");
        await stream.WriteAsync(bytes, ct).ConfigureAwait(false);
        await stream.FlushAsync(ct).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await stream.DisposeAsync().ConfigureAwait(false);
        client.Dispose();
    }
}

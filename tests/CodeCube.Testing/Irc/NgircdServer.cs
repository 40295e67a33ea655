using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CodeCube.Testing.Hosting;

namespace CodeCube.Testing.Irc;

/// <summary>
/// A real ngIRCd (Debian's /usr/sbin/ngircd) in the foreground on 127.0.0.1 and a free port, with a generated
/// config modelled on the tested loopback config. Penalties are off (MaxPenaltyTime = 0) so only our limiter paces.
/// </summary>
public sealed class NgircdServer : IAsyncDisposable
{
    private const string Binary = "/usr/sbin/ngircd";
    private readonly string _dir;
    private Process? _process;

    private NgircdServer(string dir, int port, int? tlsPort, string? fingerprint)
    {
        _dir = dir;
        Port = port;
        TlsPort = tlsPort;
        CertificateFingerprint = fingerprint;
    }

    public int Port { get; }

    public int? TlsPort { get; }

    /// <summary>SHA-256 of the self-signed certificate when TLS is on.</summary>
    public string? CertificateFingerprint { get; }

    public static async Task<NgircdServer> StartAsync(bool tls = false)
    {
        var dir = Directory.CreateTempSubdirectory("ngircd-").FullName;
        // ngircd drops to nobody; it must still read its files and write its pid.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(dir, (UnixFileMode)0x1FF);
        }
        var port = Loopback.FreePort();
        int? tlsPort = tls ? Loopback.FreePort() : null;
        string? fingerprint = null;
        var ssl = "";
        if (tls)
        {
            fingerprint = WriteSelfSignedCertificate(dir);
            ssl = $"[SSL]\n\tCertFile = {dir}/cert.pem\n\tKeyFile = {dir}/key.pem\n\tPorts = {tlsPort}\n";
        }
        var config = $"""
            [Global]
            	Name = irc.test.local
            	Info = loopback test server
            	Listen = 127.0.0.1
            	Ports = {port}
            	MotdPhrase = "test"
            	PidFile = {dir}/ngircd.pid
            	ServerUID = 65534
            	ServerGID = 65534
            [Limits]
            	MaxConnectionsIP = 0
            	MaxPenaltyTime = 0
            	PingTimeout = 120
            	PongTimeout = 20
            	MaxNickLength = 30
            [Options]
            	DNS = no
            	Ident = no
            	PAM = no
            	SyslogFacility = local7
            {ssl}
            """;
        File.WriteAllText(Path.Combine(dir, "ngircd.conf"), config);
        var server = new NgircdServer(dir, port, tlsPort, fingerprint);
        await server.StartProcessAsync();
        return server;
    }

    /// <summary>Kills the server abruptly (no ERROR, no QUIT: like a crash or a cut cable).</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } p)
        {
            p.Kill();
            await p.WaitForExitAsync();
        }
        _process?.Dispose();
        _process = null;
    }

    /// <summary>Starts it again on the same port.</summary>
    public Task RestartAsync() => StartProcessAsync();

    private async Task StartProcessAsync()
    {
        var ports = TlsPort is { } tlsPort ? new[] { Port, tlsPort } : [Port];
        _process = await ServerProcess.StartAsync(
            new ProcessStartInfo(Binary, ["-n", "-p", "-f", Path.Combine(_dir, "ngircd.conf")]), ports);
    }

    private static string WriteSelfSignedCertificate(string dir)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=irc.test.local", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        File.WriteAllText(Path.Combine(dir, "cert.pem"), cert.ExportCertificatePem());
        File.WriteAllText(Path.Combine(dir, "key.pem"), key.ExportRSAPrivateKeyPem(), Encoding.ASCII);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path.Combine(dir, "key.pem"), (UnixFileMode)0x1A4);
        }
        return Convert.ToHexStringLower(SHA256.HashData(cert.RawData));
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

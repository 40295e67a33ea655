using System.Security.Authentication;
using CodeCube.Adapters.Irc;
using Microsoft.Extensions.Options;

namespace CodeCube.Adapters.Tests.Irc;

/// <summary>ngIRCd with a self-signed certificate on a TLS port.</summary>
public sealed class IrcTlsIntegrationTests : IAsyncLifetime
{
    private NgircdServer _server = null!;

    public async Task InitializeAsync() => _server = await NgircdServer.StartAsync(tls: true);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Self_signed_server_is_accepted_when_its_fingerprint_is_configured()
    {
        await using var user = await RawIrcUser.ConnectAsync(_server.Port, "plainuser", "#tls");
        await using var bot = await IrcBot.JoinAsync(_server.TlsPort!.Value, "tlsbot", "#tls", o =>
        {
            o.UseTls = true;
            o.AcceptFingerprint = string.Join(':', _server.CertificateFingerprint!.Chunk(2).Select(c => new string(c))).ToUpperInvariant();
        });

        await bot.SendAsync("#tls", "over tls");

        Assert.Equal("over tls", RawIrcUser.PrivmsgText(await user.NextPrivmsgRawAsync()));
    }

    [Fact]
    public async Task Self_signed_server_is_rejected_without_a_matching_fingerprint()
    {
        var options = new IrcOptions
        {
            Server = "127.0.0.1",
            Port = _server.TlsPort!.Value,
            UseTls = true,
            AcceptFingerprint = new string('0', 64),
        };
        var connector = new TcpIrcConnector(Options.Create(options), NullLogger<TcpIrcConnector>.Instance);

        await Assert.ThrowsAsync<AuthenticationException>(() => connector.ConnectAsync(CancellationToken.None));
        options.AcceptFingerprint = null;
        await Assert.ThrowsAsync<AuthenticationException>(() => connector.ConnectAsync(CancellationToken.None));
    }
}

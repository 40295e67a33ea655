using CodeCube.Adapters.Irc;

namespace CodeCube.Adapters.Tests.Irc;

/// <summary>CAP and SASL PLAIN negotiation against a scripted server.</summary>
public sealed class IrcClientSaslTests : IrcClientTestBase
{
    [Fact]
    public async Task Sasl_plain_is_negotiated_across_a_multiline_cap_list_before_cap_end()
    {
        Options.SaslUser = "jilles";
        Options.SaslPassword = "sesame";
        var (client, server) = await StartConnectedAsync();
        await server.ExpectAsync("USER");

        server.Send(":irc.test CAP * LS * :multi-prefix away-notify");
        server.Send(":irc.test CAP * LS :sasl=PLAIN,EXTERNAL");
        Assert.Equal("CAP REQ sasl", await server.NextAsync());
        await PassSaslPlainAsync(server);
        Assert.Equal("CAP END", await server.NextAsync());
        server.Send(":irc.test 001 jilles :Welcome");
        await Eventually.TrueAsync(() => client.IsRegistered, "the client to register");
    }

    [Theory]
    [InlineData("904")]
    [InlineData("905")]
    public async Task Sasl_failure_stops_the_client_with_a_clear_error_and_no_reconnect(string numeric)
    {
        Options.SaslUser = "u";
        Options.SaslPassword = "wrong";
        var (_, server) = await StartConnectedAsync();
        server.Send(":irc.test CAP * LS :sasl");
        await server.ExpectAsync("CAP REQ");
        server.Send(":irc.test CAP * ACK :sasl");
        server.Send("AUTHENTICATE +");
        server.Send($":irc.test {numeric} * :SASL authentication failed");

        var error = await Assert.ThrowsAsync<IrcAuthenticationException>(() => _run!.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains(numeric, error.Message, StringComparison.Ordinal);
        Assert.Equal(1, _connector.Connects);
    }

    [Fact]
    public async Task Sasl_configured_but_not_offered_is_a_clear_error()
    {
        Options.SaslUser = "u";
        Options.SaslPassword = "p";
        var (_, server) = await StartConnectedAsync();
        server.Send(":irc.test CAP * LS :multi-prefix");

        await Assert.ThrowsAsync<IrcAuthenticationException>(() => _run!.WaitAsync(TimeSpan.FromSeconds(10)));
    }
}

using CodeCube.Adapters.Irc;

namespace CodeCube.Adapters.Tests.Irc;

/// <summary>
/// IRCv3 capabilities against a scripted server that offers them (ngIRCd offers none of these, so it cannot show
/// them; IrcAdapterIntegrationTests keep the plain path green against it).
/// </summary>
public sealed class IrcCapabilityTests : IrcClientTestBase
{
    [Fact]
    public async Task Account_tag_is_requested_when_offered_and_tagged_messages_key_on_the_account_across_nicks()
    {
        var (client, server) = await StartConnectedAsync();
        await server.ExpectAsync("USER");

        server.Send(":irc.test CAP * LS :multi-prefix account-tag extended-join");
        Assert.Equal("CAP REQ account-tag", await server.NextAsync());
        server.Send(":irc.test CAP * ACK :account-tag");
        Assert.Equal("CAP END", await server.NextAsync());
        server.Send(":irc.test 001 bot :Welcome");
        server.Send(":irc.test 422 bot :MOTD File is missing");
        await Eventually.TrueAsync(() => client.IsRegistered, "the client to register");

        server.Send("@account=annie :ann!~a@1.2.3.4 PRIVMSG bot :!run py 1");
        server.Send(":ann!~a@1.2.3.4 NICK ann_away");
        // Another nick and another host, the same services account: the same quota key.
        server.Send("@account=annie :ann_away!~a@5.6.7.8 PRIVMSG bot :!run py 2");
        server.Send(":bob!~b@1.2.3.4 PRIVMSG bot :!run py 3");
        await Eventually.TrueAsync(() => { lock (_messages) { return _messages.Count == 3; } }, "three messages");

        var ids = _messages.Select(m => IrcChatAdapter.AuthorId(m, IrcSource.Parse(m.Prefix))).ToList();
        Assert.Equal(["account:annie", "account:annie", "host:1.2.3.4"], ids);
    }

    [Fact]
    public async Task A_refused_optional_capability_neither_stops_sasl_nor_ends_negotiation_before_sasl_is_done()
    {
        Options.SaslUser = "jilles";
        Options.SaslPassword = "sesame";
        var (client, server) = await StartConnectedAsync();
        await server.ExpectAsync("USER");

        server.Send(":irc.test CAP * LS :account-tag sasl=PLAIN");
        Assert.Equal("CAP REQ account-tag", await server.NextAsync());
        Assert.Equal("CAP REQ sasl", await server.NextAsync());
        await PassSaslPlainAsync(server);
        // The account-tag request is still unanswered: no CAP END yet.
        server.Send("PING :sentinel");
        Assert.Equal("PONG sentinel", await server.NextAsync());
        server.Send(":irc.test CAP * NAK :account-tag");

        Assert.Equal("CAP END", await server.NextAsync());
        server.Send(":irc.test 001 jilles :Welcome");
        await Eventually.TrueAsync(() => client.IsRegistered, "the client to register");
    }

    [Fact]
    public async Task Nothing_wanted_on_offer_ends_negotiation_at_once()
    {
        var (_, server) = await StartConnectedAsync();
        await server.ExpectAsync("USER");

        server.Send(":irc.test CAP * LS :multi-prefix away-notify");

        Assert.Equal("CAP END", await server.NextAsync());
    }
}

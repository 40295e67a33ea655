using CodeCube.Adapters.Irc;

namespace CodeCube.Adapters.Tests.Irc;

/// <summary>The client state machine against a scripted server.</summary>
public sealed class IrcClientTests : IrcClientTestBase
{
    [Fact]
    public async Task Registers_with_cap_nick_user_and_joins_channels_with_keys_after_the_motd()
    {
        var (client, server) = await StartConnectedAsync();

        Assert.Equal("CAP LS 302", await server.NextAsync());
        Assert.Equal("NICK bot", await server.NextAsync());
        Assert.Equal("USER codecube 0 * :CodeCube code runner", await server.NextAsync());
        server.Send(":irc.test CAP * LS :multi-prefix");
        Assert.Equal("CAP END", await server.NextAsync());
        server.Send(":irc.test 001 bot :Welcome to the Internet Relay Network bot!~bot@127.0.0.1");
        server.Send(":irc.test 376 bot :End of MOTD command");
        Assert.Equal("JOIN #a", await server.NextAsync());
        Assert.Equal("JOIN #b sekrit", await server.NextAsync());
        server.Send(":bot!~bot@10.1.2.3 JOIN #a");
        await client.WaitUntilJoinedAsync("#a", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(client.IsRegistered);
        Assert.False(client.IsJoined("#b"));
        Assert.Equal(IrcLineBudget.PrivmsgText("bot", "~bot", "10.1.2.3", "#a"), client.BudgetFor("#a"));
    }

    [Fact]
    public async Task Nick_in_use_tries_the_alternatives_then_a_suffix()
    {
        var (client, server) = await StartConnectedAsync();
        await server.ExpectAsync("USER");

        server.Send(":irc.test 433 * bot :Nickname already in use");
        Assert.Equal("NICK bot2", await server.ExpectAsync("NICK"));
        server.Send(":irc.test 433 * bot2 :Nickname already in use");
        Assert.Equal("NICK bot_", await server.ExpectAsync("NICK"));
        server.Send(":irc.test 001 bot_ :Welcome");
        await Eventually.TrueAsync(() => client.IsRegistered, "the client to register");

        Assert.Equal("bot_", client.CurrentNick);
    }

    [Fact]
    public async Task Erroneous_long_suffixed_nick_is_shortened_to_the_rfc_minimum()
    {
        Options.Nick = "verylongbotname";
        Options.AltNicks = [];
        var (_, server) = await StartConnectedAsync();
        await server.ExpectAsync("USER");

        server.Send(":irc.test 433 * verylongbotname :Nickname already in use");
        Assert.Equal("NICK verylongbotname_", await server.ExpectAsync("NICK"));
        server.Send(":irc.test 432 * verylongbotname_ :Erroneous nickname");

        Assert.Equal("NICK verylong1", await server.ExpectAsync("NICK"));
    }

    [Fact]
    public async Task Ping_is_answered_with_the_same_token()
    {
        var (_, server) = await StartConnectedAsync();

        server.Send("PING :tok 123");

        Assert.Equal("PONG :tok 123", await server.ExpectAsync("PONG"));
    }

    [Fact]
    public async Task Silent_link_gets_a_ping_then_a_reconnect_and_channels_are_rejoined()
    {
        var (client, first) = await StartConnectedAsync();
        await RegisterAsync(first);

        await AdvanceUntil(() => first.TryTakeSent(out var line) && line.StartsWith("PING", StringComparison.Ordinal), "a PING on the silent link");
        await AdvanceUntil(() => first.Disposed.IsCompleted, "the silent link to be dropped");
        await AdvanceUntil(() => _connector.Connects == 2, "a reconnect");
        var second = await _connector.NextConnectionAsync();
        Assert.False(client.IsRegistered);
        await RegisterAsync(second);

        Assert.True(client.IsJoined("#a"));
    }

    [Fact]
    public async Task Any_traffic_answers_the_liveness_check()
    {
        var (_, server) = await StartConnectedAsync();
        await RegisterAsync(server);
        await AdvanceUntil(() => server.TryTakeSent(out var line) && line.StartsWith("PING", StringComparison.Ordinal), "a liveness PING");

        // Waiting for the PONG, the client's silence timer is the ping timeout; once it has read the PONG it arms the
        // ping interval again. Waiting for that (not for a sync line, which would be traffic too) orders the clock move
        // after the read.
        Assert.NotEqual(Options.PingInterval, Options.PingTimeout);
        var armed = _time.TimersCreated(Options.PingInterval);
        server.Send(":irc.test PONG irc.test :codecube");
        await Eventually.TrueAsync(() => _time.TimersCreated(Options.PingInterval) > armed, "the client to read the PONG");
        _time.Advance(Options.PingTimeout + TimeSpan.FromSeconds(1));

        await Eventually.NeverAsync(() => server.Disposed.IsCompleted, "the link was dropped despite the PONG", TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task Ctcp_version_and_ping_to_the_bot_are_answered_by_notice_channel_ctcp_is_ignored_and_none_passed_on()
    {
        var (_, server) = await StartConnectedAsync();
        await RegisterAsync(server);

        server.Send(":dx!d@h PRIVMSG bot :\x01VERSION\x01");
        Assert.Equal("NOTICE dx :\x01VERSION CodeCube\x01", await server.ExpectAsync("NOTICE"));
        server.Send(":mt!m@h PRIVMSG bot :\x01PING 1473523796 918320\x01");
        Assert.Equal("NOTICE mt :\x01PING 1473523796 918320\x01", await server.ExpectAsync("NOTICE"));
        server.Send(":eve!e@h PRIVMSG #a :\x01VERSION\x01");
        server.Send(":dan!d@h PRIVMSG #a :\u0001ACTION !run py print(1)\u0001");
        server.Send(":dan!d@h PRIVMSG #a :after");
        await Eventually.TrueAsync(() => { lock (_messages) { return _messages.Count > 0; } }, "a message passed on");
        server.Send("PING :sentinel");
        Assert.Equal("PONG sentinel", await server.NextAsync());

        lock (_messages)
        {
            Assert.Equal(["after"], _messages.Select(m => m.Param(1)));
        }
    }

    [Fact]
    public async Task Ctcp_flood_gets_answers_only_within_the_flood_budget()
    {
        Options.FloodBurst = 2;
        var (_, server) = await StartConnectedAsync();
        await RegisterAsync(server);

        for (var i = 0; i < 5; i++)
        {
            server.Send($":x{i}!x@h PRIVMSG bot :\u0001VERSION\u0001");
        }
        server.Send("PING :sentinel");
        var answers = new List<string>();
        for (var line = await server.NextAsync(); line != "PONG sentinel"; line = await server.NextAsync())
        {
            answers.Add(line);
        }

        Assert.Equal(["NOTICE x0 :\u0001VERSION CodeCube\u0001", "NOTICE x1 :\u0001VERSION CodeCube\u0001"], answers);
    }
}

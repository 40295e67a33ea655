namespace CodeCube.Adapters.Tests.Irc;

/// <summary>One ngIRCd for the class; each test uses its own nicks and channels.</summary>
public sealed class NgircdFixture : IAsyncLifetime
{
    public NgircdServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await NgircdServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

public sealed class IrcAdapterIntegrationTests(NgircdFixture fixture) : IClassFixture<NgircdFixture>
{
    private const string Permalink = "https://codecube.test/s/Ab3dE";
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);
    private int Port => fixture.Server.Port;

    [Fact]
    public async Task Bot_registers_joins_and_a_channel_user_sees_its_message()
    {
        await using var user = await RawIrcUser.ConnectAsync(Port, "alice", "#reg");
        await using var bot = await IrcBot.JoinAsync(Port, "regbot", "#reg");

        await bot.SendAsync("#reg", "hello");

        var raw = await user.NextPrivmsgRawAsync();
        Assert.StartsWith(":regbot!", RawIrcUser.Decode(raw), StringComparison.Ordinal);
        Assert.Equal("hello", RawIrcUser.PrivmsgText(raw));
        Assert.Equal("regbot", bot.Adapter.Client.CurrentNick);
    }

    [Fact]
    public async Task A_nick_change_keeps_the_author_key_so_it_cannot_reset_quotas()
    {
        await using var bot = await IrcBot.JoinAsync(Port, "keybot", "#key");
        await using var user = await RawIrcUser.ConnectAsync(Port, "dana", "#key");

        await user.SendAsync("PRIVMSG #key :!run py 1");
        var before = (await bot.NextMessageAsync()).Message.Author;
        await user.SendAsync("NICK dana_2");
        await user.WaitForAsync(l => l.Contains(" NICK ", StringComparison.Ordinal));
        await user.SendAsync("PRIVMSG #key :!run py 2");
        var after = (await bot.NextMessageAsync()).Message.Author;

        Assert.Equal("dana_2", after.DisplayName);
        Assert.Equal(before.Id, after.Id);
        Assert.StartsWith("host:", after.Id, StringComparison.Ordinal); // ngIRCd offers no account-tag
    }

    [Fact]
    public async Task Nick_collision_falls_back_to_the_alternative_nick()
    {
        await using var squatter = await RawIrcUser.ConnectAsync(Port, "takenbot");
        await using var bot = await IrcBot.JoinAsync(Port, "takenbot", "#nick", o => o.AltNicks = ["takenbot2"]);

        Assert.Equal("takenbot2", bot.Adapter.Client.CurrentNick);
    }

    [Fact]
    public async Task Channel_and_private_messages_arrive_as_message_created_without_the_addressing()
    {
        await using var bot = await IrcBot.JoinAsync(Port, "readbot", "#read");
        await using var user = await RawIrcUser.ConnectAsync(Port, "bob", "#read");

        await user.SendAsync("PRIVMSG #read :readbot: !run python\x02 print(1)");
        var inChannel = (await bot.NextMessageAsync()).Message;
        await user.SendAsync("PRIVMSG readbot :!run js 1");
        var direct = (await bot.NextMessageAsync()).Message;

        Assert.Equal(new Conversation("irc", "#read"), inChannel.Where);
        Assert.Equal("!run python print(1)", inChannel.Text);
        Assert.Equal("bob", inChannel.Author.DisplayName);
        Assert.StartsWith("host:", inChannel.Author.Id, StringComparison.Ordinal);
        Assert.Equal(new Conversation("irc", "bob", IsDirect: true), direct.Where);
        Assert.Equal("!run js 1", direct.Text);
        await bot.SendAsync(direct.Where.ChannelId, "private answer", direct: true);
        Assert.Equal("private answer", RawIrcUser.PrivmsgText(await user.NextPrivmsgRawAsync()));
    }

    [Fact]
    public async Task Ctcp_version_from_a_user_is_answered_by_notice_and_is_not_an_event()
    {
        await using var bot = await IrcBot.JoinAsync(Port, "ctcpbot", "#ctcp");
        await using var user = await RawIrcUser.ConnectAsync(Port, "heidi", "#ctcp");

        await user.SendAsync("PRIVMSG ctcpbot :\u0001VERSION\u0001");
        var notice = await user.WaitForAsync(l => l.Contains(" NOTICE heidi ", StringComparison.Ordinal));
        await user.SendAsync("PRIVMSG #ctcp :after ctcp");

        Assert.EndsWith(":\u0001VERSION CodeCube\u0001", notice, StringComparison.Ordinal);
        Assert.Equal("after ctcp", (await bot.NextMessageAsync()).Message.Text);
    }

    [Fact]
    public async Task Injected_line_breaks_stay_text_the_bot_stays_connected_and_nothing_reaches_another_channel()
    {
        await using var bot = await IrcBot.JoinAsync(Port, "injbot", "#inj");
        await using var user = await RawIrcUser.ConnectAsync(Port, "carol", "#inj");
        await using var other = await RawIrcUser.ConnectAsync(Port, "dave", "#other");

        await bot.SendAsync("#inj", "out\r\nQUIT :bye\r\nPRIVMSG #other :spam\rJOIN #other\0x\n" + Permalink);
        await bot.SendAsync("#inj", "still here");

        var texts = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            texts.Add(RawIrcUser.PrivmsgText(await user.NextPrivmsgRawAsync()));
        }
        Assert.Equal(["out\u240D", "QUIT :bye\u240D", "PRIVMSG #other :spam\u240DJOIN #other\u2400x", Permalink, "still here"], texts);
        Assert.DoesNotContain(await other.DrainAsync(), l => l.Contains("PRIVMSG", StringComparison.Ordinal) || l.Contains("injbot", StringComparison.Ordinal));
        Assert.True(bot.Adapter.Client.IsJoined("#inj"));
        Assert.DoesNotContain(await user.DrainAsync(), l => l.Contains("QUIT", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Thousand_output_lines_arrive_as_the_configured_lines_plus_the_permalink()
    {
        await using var bot = await IrcBot.JoinAsync(Port, "longbot", "#long", o => o.MaxLinesPerReply = 3);
        await using var user = await RawIrcUser.ConnectAsync(Port, "erin", "#long");
        var text = string.Join('\n', Enumerable.Range(1, 1000).Select(i => $"output {i}").Append(Permalink));

        await bot.SendAsync("#long", text);
        await bot.SendAsync("#long", "marker");

        var received = new List<string>();
        while (received.LastOrDefault() != "marker")
        {
            received.Add(RawIrcUser.PrivmsgText(await user.NextPrivmsgRawAsync()));
        }
        Assert.Equal(["output 1", "output 2", "output 3", Permalink, "marker"], received);
    }

    [Theory]
    [InlineData("widebot", "#wide")]
    [InlineData("a-rather-long-bot-nickname", "#channel-name-of-fifty-bytes-ngircds-upper-limit-x")]
    public async Task Line_of_2000_multibyte_characters_is_cut_at_character_boundaries_within_512_bytes(string nick, string channel)
    {
        await using var bot = await IrcBot.JoinAsync(Port, nick, channel, o => o.MaxLinesPerReply = 3);
        await using var user = await RawIrcUser.ConnectAsync(Port, "frank" + channel.Length, channel);
        var wide = string.Concat(Enumerable.Range(0, 2000).Select(i => i % 3 == 0 ? "😀" : i % 3 == 1 ? "€" : "ж"));

        await bot.SendAsync(channel, wide + "\n" + Permalink);

        var raws = new List<byte[]>();
        for (var i = 0; i < 4; i++)
        {
            raws.Add(await user.NextPrivmsgRawAsync());
        }
        Assert.All(raws, r => Assert.InRange(r.Length, 1, 512));
        Assert.All(raws, r => StrictUtf8.GetString(r));
        var texts = raws.Select(RawIrcUser.PrivmsgText).ToList();
        Assert.Equal(Permalink, texts[^1]);
        Assert.StartsWith(string.Concat(texts.SkipLast(1)), wide, StringComparison.Ordinal);
        Assert.DoesNotContain("[CUT]", string.Concat(texts), StringComparison.Ordinal);
        // The budget is the real one (user@host learned from the server), not the conservative guess.
        Assert.All(raws.SkipLast(1), r => Assert.InRange(r.Length, 512 - 4, 512));
    }

    [Fact]
    public async Task Ten_replies_at_once_are_paced_by_the_limiter_and_none_is_lost()
    {
        await using var bot = await IrcBot.JoinAsync(Port, "busybot", "#busy", o => (o.FloodBurst, o.FloodInterval) = (5, TimeSpan.FromMilliseconds(200)));
        await using var user = await RawIrcUser.ConnectAsync(Port, "grace", "#busy");

        await Task.WhenAll(Enumerable.Range(1, 10).Select(i => bot.SendAsync("#busy", $"result {i}\n{Permalink}/{i}")));

        var received = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            received.Add(RawIrcUser.PrivmsgText(await user.NextPrivmsgRawAsync()));
        }
        for (var i = 1; i <= 10; i++)
        {
            var at = received.IndexOf($"result {i}");
            Assert.True(at >= 0, $"reply {i} missing");
            Assert.Equal($"{Permalink}/{i}", received[at + 1]);
        }
        Assert.True(bot.Adapter.Client.IsJoined("#busy"));
    }
}

namespace CodeCube.EndToEnd.Tests.Irc;

/// <summary>
/// A person on a real ngIRCd talks to the real host (Redis, Docker sandbox, IRC adapter): what they type runs in a
/// container and the answer comes back as IRC lines with a permalink the host really serves.
/// </summary>
public sealed class IrcEndToEndTests(ITestOutputHelper output) : EndToEndTest(output)
{
    private const string Channel = "#e2e";
    private const string BotNick = "cubebot";
    private const int MaxLines = 4;
    private NgircdServer _irc = null!;

    protected override async Task<IReadOnlyDictionary<string, string?>> StartServersAsync()
    {
        _irc = await NgircdServer.StartAsync();
        return new Dictionary<string, string?>
        {
            ["Irc:Server"] = "127.0.0.1",
            ["Irc:Port"] = _irc.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Irc:UseTls"] = "false",
            ["Irc:Nick"] = BotNick,
            ["Irc:Channels:0:Name"] = Channel,
            ["Irc:MaxLinesPerReply"] = MaxLines.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // The flood limiter is the adapter's own concern; here it only has to let a reply through.
            ["Irc:FloodBurst"] = "10",
            ["Irc:FloodInterval"] = "00:00:00.2",
        };
    }

    protected override ValueTask StopAroundAsync() => _irc.DisposeAsync();

    [Fact]
    public async Task Run_py_print_1_answers_1_with_the_footer_and_a_permalink_the_host_serves()
    {
        await using var user = await JoinWithBotAsync("alice");

        await user.SendAsync($"PRIVMSG {Channel} :!run py print(1)");

        var lines = await BotLinesAsync(user, 2);
        Assert.Equal("1", lines[0]);
        var version = await App.PythonVersionAsync();
        Assert.StartsWith($"python {version} · ", lines[1], StringComparison.Ordinal);
        var snippet = await App.SnippetAsync(App.PermalinkId(lines[1]));
        Assert.Equal("print(1)", snippet.Code);
        Assert.Equal("1\n", snippet.Stdout);
        Assert.Equal("python", snippet.Language);
        Assert.Equal(version, snippet.Version);
        Assert.EndsWith(snippet.Permalink, lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Output_with_irc_commands_stays_text_the_bot_stays_and_nothing_reaches_another_channel()
    {
        await using var user = await JoinWithBotAsync("carol");
        await using var other = await RawIrcUser.ConnectAsync(_irc.Port, "dave", "#other");

        await user.SendAsync($@"PRIVMSG {Channel} :!run py print(""out\r\nQUIT :bye\r\nPRIVMSG #other :spam"")");

        var lines = await BotLinesAsync(user, 4);
        // The output's CR is shown as the control picture ␍; its LF starts a new line of text, never a new command.
        Assert.Equal(["out\u240D", "QUIT :bye\u240D", "PRIVMSG #other :spam"], lines[..3]);
        App.PermalinkId(lines[3]);
        // The bot is still in the channel and answers the next run.
        await user.SendAsync($"PRIVMSG {Channel} :!run py print(2)");
        Assert.Equal("2", (await BotLinesAsync(user, 2))[0]);
        var seenByOther = await other.DrainAsync();
        Assert.DoesNotContain(seenByOther, l => l.Contains("PRIVMSG", StringComparison.Ordinal) || l.Contains("QUIT", StringComparison.Ordinal));
        Assert.DoesNotContain((await user.DrainAsync()), l => l.Contains($":{BotNick}!", StringComparison.Ordinal) && l.Contains(" QUIT ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_thousand_lines_of_output_arrive_as_the_configured_lines_and_the_permalink_line()
    {
        await using var user = await JoinWithBotAsync("erin");

        await user.SendAsync($"PRIVMSG {Channel} :!run py for i in range(1000): print(i)");

        var lines = await BotLinesAsync(user, MaxLines + 1);
        var id = App.PermalinkId(lines[MaxLines]);
        Assert.Equal(["0", "1", "2", "… 997 more lines (full output at the link)"], lines[..MaxLines]);
        // Nothing more from the bot: a PING round trip shows what else the server had queued for us.
        Assert.DoesNotContain(await user.DrainAsync(), l => l.StartsWith($":{BotNick}!", StringComparison.Ordinal));
        var snippet = await App.SnippetAsync(id);
        Assert.Equal(string.Concat(Enumerable.Range(0, 1000).Select(i => $"{i}\n")), snippet.Stdout);
    }

    private async Task<RawIrcUser> JoinWithBotAsync(string nick)
    {
        var user = await RawIrcUser.ConnectAsync(_irc.Port, nick, Channel);
        await user.WaitForMemberAsync(Channel, BotNick);
        return user;
    }

    private static Task<string[]> BotLinesAsync(RawIrcUser user, int count) => user.PrivmsgsFromAsync(BotNick, count, RunTimeout);
}

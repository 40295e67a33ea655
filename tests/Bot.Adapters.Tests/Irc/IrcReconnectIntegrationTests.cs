namespace CodeCube.Adapters.Tests.Irc;

/// <summary>Its own ngIRCd, because the test kills it.</summary>
public sealed class IrcReconnectIntegrationTests : IAsyncLifetime
{
    private NgircdServer _server = null!;

    public async Task InitializeAsync() => _server = await NgircdServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Server_killed_and_restarted_the_bot_rejoins_within_15_seconds_and_delivers_again()
    {
        await using var bot = await IrcBot.JoinAsync(_server.Port, "phoenix", "#rebirth");

        await _server.KillAsync();
        await Eventually.TrueAsync(() => !bot.Adapter.Client.IsRegistered, "the bot to notice the server is gone");
        // Stay down for a few failed attempts, so the backoff path runs too.
        var attempts = bot.ConnectAttempts;
        await Eventually.TrueAsync(() => bot.ConnectAttempts >= attempts + 3, "three failed reconnect attempts");
        await _server.RestartAsync();
        await using var user = await RawIrcUser.ConnectAsync(_server.Port, "witness", "#rebirth");

        await bot.Adapter.Client.WaitUntilJoinedAsync("#rebirth", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(15));
        await bot.SendAsync("#rebirth", "back again");

        Assert.Equal("back again", RawIrcUser.PrivmsgText(await user.NextPrivmsgRawAsync()));
    }

    [Fact]
    public async Task Reply_sent_while_the_server_is_down_is_delivered_after_the_reconnect()
    {
        await using var bot = await IrcBot.JoinAsync(_server.Port, "patient", "#queue");

        await _server.KillAsync();
        await Eventually.TrueAsync(() => !bot.Adapter.Client.IsRegistered, "the bot to notice the server is gone");
        var pending = bot.SendAsync("#queue", "queued while down");
        await _server.RestartAsync();
        await using var user = await RawIrcUser.ConnectAsync(_server.Port, "watcher", "#queue");

        await pending;
        Assert.Equal("queued while down", RawIrcUser.PrivmsgText(await user.NextPrivmsgRawAsync()));
    }
}

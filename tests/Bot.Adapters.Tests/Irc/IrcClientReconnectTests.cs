using CodeCube.Adapters.Connections;

namespace CodeCube.Adapters.Tests.Irc;

public sealed class IrcClientReconnectTests : IrcClientTestBase
{
    [Fact]
    public async Task A_server_that_holds_the_welcome_half_a_minute_and_then_drops_us_is_a_failure_in_a_row()
    {
        var (client, first) = await StartConnectedAsync();
        first.Close();
        await AdvanceUntil(() => _connector.Connects == 2, "the second connection");
        (await _connector.NextConnectionAsync()).Close();
        await AdvanceUntil(() => _connector.Connects == 3, "the third connection");
        var third = await _connector.NextConnectionAsync();

        // The server takes our registration and keeps us waiting longer than a healthy session lasts before 001.
        await third.ExpectAsync("USER");
        _time.Advance(ReconnectPolicy.HealthySession);
        third.Send(":irc.test 001 bot :Welcome");
        await Eventually.TrueAsync(() => client.IsRegistered, "the client to register");
        var timers = _time.DueTimes.Count;
        third.Close();

        // Up for no time since 001: the third failure in a row, a step of four floors jittered to two floors or more.
        // Had the count started again, the wait would be under one and a half floors. (The other timers are the ping
        // interval and timeout.)
        var wait = await _time.NextDueTimeAsync(timers, d => d > TimeSpan.Zero && d < Options.PingTimeout, "the reconnect wait");
        Assert.InRange(wait, 2 * Options.ReconnectMinDelay, 6 * Options.ReconnectMinDelay);
    }
}

using CodeCube.Adapters.Irc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CodeCube.Adapters.Tests.Irc;

/// <summary>The IRC adapter in front of the real pipeline and chat host, on a scripted server and a fake clock.</summary>
public sealed class IrcPipelineTests
{
    [Fact]
    public async Task A_long_reply_paced_by_the_send_budget_does_not_hold_the_only_worker()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(56));
        var connector = new ScriptedConnector();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Irc:Server"] = "irc.test",
            ["Irc:Nick"] = "bot",
            ["Irc:Channels:0:Name"] = "#a",
            ["Irc:MaxLinesPerReply"] = "5",
            // One line at once, then one per 2 s of a clock that only the test moves: the long reply stalls.
            ["Irc:FloodBurst"] = "1",
            ["Pipeline:Workers"] = "1",
            ["Web:PublicBaseUrl"] = "https://cc.example",
        }).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(time)
            .AddSingleton<IIrcConnector>(connector)
            .AddIrcAdapter(configuration);
        await using var pipeline = await InMemoryPipeline.StartAsync(services, configuration);
        pipeline.Sandbox.Respond = r => new RunResult(r.Language, "1.0", RunOutcome.Completed, 0, null,
            r.Code.Contains("long", StringComparison.Ordinal) ? "one\ntwo\nthree\nfour\n" : "short answer\n", "", 5, false);
        var server = await connector.NextConnectionAsync();
        await server.ExpectAsync("USER");
        server.Send(":irc.test 001 bot :Welcome to the Internet Relay Network bot!~bot@127.0.0.1");
        server.Send(":irc.test 422 bot :MOTD File is missing");
        await server.ExpectAsync("JOIN #a");
        server.Send(":bot!~bot@127.0.0.1 JOIN #a");

        server.Send(":ann!~a@ann.example PRIVMSG #a :!run py print('long')");
        var first = await server.ExpectAsync("PRIVMSG #a");
        // Ann's reply has more lines, held by the send budget while the clock stands still. Bob's run is still
        // taken by the one worker, which a reply waiting to be written would have kept busy.
        server.Send(":bob!~b@bob.example PRIVMSG #a :!run py print('quick')");
        await Eventually.TrueAsync(() => pipeline.Sandbox.Requests.Count == 2, "bob's run to start while ann's reply is paced");
        Assert.False(server.TryTakeSent(out var early), $"a line went out with the clock stopped: {early}");

        var lines = new List<string> { first };
        await time.AdvanceUntilAsync(() =>
        {
            while (server.TryTakeSent(out var line))
            {
                lines.Add(line);
            }

            return lines.Any(l => l.Contains("short answer", StringComparison.Ordinal));
        }, "bob's answer", TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(2));

        // Each reply stays in one piece, in the order the runs finished.
        var four = lines.FindIndex(l => l.Contains("four", StringComparison.Ordinal));
        Assert.InRange(four, 1, lines.Count - 2);
        Assert.Contains("short answer", lines[^1], StringComparison.Ordinal);
    }
}

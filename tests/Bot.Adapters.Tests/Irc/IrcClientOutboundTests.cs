using CodeCube.Adapters.Irc;

namespace CodeCube.Adapters.Tests.Irc;

/// <summary>Replies queued on the client: joins, turns between targets, back-pressure, failures and shutdown.</summary>
public sealed class IrcClientOutboundTests : IrcClientTestBase
{
    [Fact]
    public async Task Queued_lines_wait_for_the_join_and_go_out_in_order()
    {
        var (client, server) = await StartConnectedAsync();

        var sending = await client.QueueLinesAsync("#a", ["one", "two words", ""], CancellationToken.None);
        Assert.False(sending.IsCompleted);
        await RegisterAsync(server);
        await sending.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("PRIVMSG #a one", await server.ExpectAsync("PRIVMSG"));
        Assert.Equal("PRIVMSG #a :two words", await server.ExpectAsync("PRIVMSG"));
        Assert.Equal("PRIVMSG #a : ", await server.ExpectAsync("PRIVMSG"));
    }

    [Fact]
    public async Task Reply_to_a_configured_channel_we_could_not_join_goes_out_after_the_join_wait()
    {
        var (client, server) = await StartConnectedAsync();
        await server.ExpectAsync("USER");
        server.Send(":irc.test 001 bot :Welcome");
        server.Send(":irc.test 422 bot :MOTD File is missing");
        server.Send(":irc.test 474 bot #a :Cannot join channel (+b)");
        await Eventually.TrueAsync(() => client.IsRegistered, "the client to register");

        var sending = await client.QueueLinesAsync("#a", ["one", "two"], CancellationToken.None);
        Assert.False(sending.IsCompleted);
        await AdvanceUntil(() => sending.IsCompleted, "the reply to go out after the join wait");

        Assert.Equal("PRIVMSG #a one", await server.ExpectAsync("PRIVMSG"));
        Assert.Equal("PRIVMSG #a two", await server.ExpectAsync("PRIVMSG"));
    }

    [Fact]
    public async Task Private_reply_does_not_wait_for_any_join()
    {
        var (client, server) = await StartConnectedAsync();
        await server.ExpectAsync("USER");
        server.Send(":irc.test 001 bot :Welcome");

        await (await client.QueueLinesAsync("ann", ["hi"], CancellationToken.None)).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("PRIVMSG ann hi", await server.ExpectAsync("PRIVMSG"));
    }

    [Fact]
    public async Task Stopping_the_client_fails_replies_still_waiting_instead_of_hanging_them()
    {
        var client = Start();
        await _connector.NextConnectionAsync();
        var pending = await client.QueueLinesAsync("#a", ["never sent"], CancellationToken.None);

        await _stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task A_short_reply_to_another_channel_goes_out_after_at_most_one_more_line_of_a_long_one()
    {
        var (client, server) = await StartConnectedAsync();
        await RegisterAsync(server);
        var longLines = Enumerable.Range(1, 20).Select(i => $"a{i}").ToArray();
        var longReply = await client.QueueLinesAsync("#a", longLines, CancellationToken.None);
        // The flood burst goes out at once; the rest waits for the clock, which only the test moves.
        for (var i = 1; i <= Options.FloodBurst; i++)
        {
            Assert.Equal($"PRIVMSG #a a{i}", await server.ExpectAsync("PRIVMSG"));
        }

        var shortReply = await client.QueueLinesAsync("#b", ["b1"], CancellationToken.None);
        var sent = new List<string>();
        await AdvanceUntil(() =>
        {
            while (server.TryTakeSent(out var line))
            {
                sent.Add(line);
            }

            return sent.Count(l => l.StartsWith("PRIVMSG", StringComparison.Ordinal)) == longLines.Length - Options.FloodBurst + 1;
        }, "the rest of both replies");

        var privmsgs = sent.Where(l => l.StartsWith("PRIVMSG", StringComparison.Ordinal)).ToList();
        Assert.InRange(privmsgs.IndexOf("PRIVMSG #b b1"), 0, 1);
        Assert.Equal(longLines.Skip(Options.FloodBurst).Select(l => "PRIVMSG #a " + l), privmsgs.Where(l => l.StartsWith("PRIVMSG #a ", StringComparison.Ordinal)));
        await Task.WhenAll(longReply, shortReply).WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Replies_to_one_target_stay_whole_and_in_order_while_targets_take_turns_line_by_line()
    {
        var (client, server) = await StartConnectedAsync();
        var first = await client.QueueLinesAsync("#a", ["a1", "a2", "a3"], CancellationToken.None);
        // Channel names are case-insensitive: #A is #a, so this reply waits for the one before it.
        var second = await client.QueueLinesAsync("#A", ["x1", "x2"], CancellationToken.None);
        var other = await client.QueueLinesAsync("#b", ["b1", "b2", "b3"], CancellationToken.None);
        await RegisterAsync(server);

        await AdvanceUntil(() => first.IsCompleted && second.IsCompleted && other.IsCompleted, "every reply to go out");

        var sent = new List<string>();
        while (server.TryTakeSent(out var line))
        {
            if (line.StartsWith("PRIVMSG", StringComparison.Ordinal))
            {
                sent.Add(line);
            }
        }
        Assert.Equal(["PRIVMSG #a a1", "PRIVMSG #b b1", "PRIVMSG #a a2", "PRIVMSG #b b2", "PRIVMSG #a a3",
            "PRIVMSG #b b3", "PRIVMSG #A x1", "PRIVMSG #A x2"], sent);
    }

    [Fact]
    public async Task A_reply_that_cannot_be_sent_fails_alone_and_the_others_go_out()
    {
        var (client, server) = await StartConnectedAsync();
        // A target with a space is no IRC parameter: writing its first line throws.
        var bad = await client.QueueLinesAsync("no one", ["x", "y"], CancellationToken.None);
        var good = await client.QueueLinesAsync("#b", ["b1", "b2"], CancellationToken.None);
        await RegisterAsync(server);

        await Assert.ThrowsAsync<ArgumentException>(() => bad.WaitAsync(TimeSpan.FromSeconds(10)));
        await good.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("PRIVMSG #b b1", await server.ExpectAsync("PRIVMSG"));
        Assert.Equal("PRIVMSG #b b2", await server.ExpectAsync("PRIVMSG"));
    }

    [Fact]
    public async Task A_full_queue_holds_the_caller_until_a_reply_is_written()
    {
        // Every line in one burst: no fake time passes, so no liveness PING interrupts the link.
        Options.FloodBurst = IrcClient.OutboundCapacity + 1;
        var (client, server) = await StartConnectedAsync();
        var queued = new List<Task>();
        for (var i = 0; i < IrcClient.OutboundCapacity; i++)
        {
            queued.Add(await client.QueueLinesAsync(i % 2 == 0 ? "#a" : "ann", [$"r{i}"], CancellationToken.None));
        }

        // Nothing can be written before registration, so the next caller has to wait for a free slot.
        var waiting = client.QueueLinesAsync("#b", ["late"], CancellationToken.None);
        Assert.False(waiting.IsCompleted);
        await RegisterAsync(server);

        var late = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        await Task.WhenAll(queued.Append(late)).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("PRIVMSG #b late", await server.ExpectAsync("PRIVMSG #b"));
    }
}

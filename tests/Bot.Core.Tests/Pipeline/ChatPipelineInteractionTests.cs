using CodeCube.Core.Chat;
using CodeCube.Core.Interactions;
using CodeCube.Core.Options;
using CodeCube.Core.Tests.Fakes;
using static CodeCube.Core.Tests.Pipeline.PipelineHarness;

namespace CodeCube.Core.Tests.Pipeline;

public sealed class ChatPipelineInteractionTests
{
    private static readonly ChatCapabilities Buttons = new(TextMarkup.SlackMrkdwn, 3000, 30, 3000, true, true, true, SupportsButtons: true);
    private static readonly Conversation Where = new("slack", "C1");

    private static FakeInteraction By(string user, bool manages = false) => new(Where, new ChatUser(user, user), manages);

    private static async Task<FakeInteractiveAdapter> HandleAsync(PipelineHarness h, params ChatEvent[] events)
    {
        var adapter = new FakeInteractiveAdapter(Buttons);
        foreach (var chatEvent in events)
        {
            await h.Pipeline.HandleAsync(adapter, chatEvent, CancellationToken.None);
        }

        return adapter;
    }

    [Fact]
    public async Task A_run_is_acknowledged_before_it_runs_and_answered_with_three_buttons()
    {
        using var h = new PipelineHarness();

        var adapter = await HandleAsync(h, new RunInvoked(By("u1"), new RunAsk.Text("py print(1)")));

        Assert.Equal(["ack", "answer"], adapter.Answers.Select(a => a.Kind));
        var reply = (OutgoingReply)adapter.Answers.Last().Detail!;
        var snippet = Assert.Single(h.Store.Snippets.Values);
        Assert.Equal(
            [new(ReplyAction.RunAgain, "Run again", snippet.Id), new(ReplyAction.Delete, "Delete", snippet.Id),
             new ReplyButton(ReplyAction.Open, "Open", $"{Base}/s/{snippet.Id}")],
            reply.Buttons!);
        Assert.Equal("u1", snippet.Author.UserId);
    }

    [Fact]
    public async Task Errors_and_a_missing_form_are_answered_privately_without_acknowledging_or_running()
    {
        using var h = new PipelineHarness();

        var adapter = await HandleAsync(h,
            new RunInvoked(By("u1"), new RunAsk.Text("")),
            new RunInvoked(By("u1"), new RunAsk.Fields("py", null, "")),
            new RunInvoked(By("u1"), new RunAsk.Fields("py", "  ", "")));

        Assert.Equal(["private", "private", "private"], adapter.Answers.Select(a => a.Kind));
        Assert.StartsWith("usage: !run", (string)adapter.Answers.First().Detail!, StringComparison.Ordinal);
        Assert.Equal("the code is empty", (string)adapter.Answers.Last().Detail!);
        Assert.Empty(h.Sandbox.Requests);
    }

    [Fact]
    public async Task A_refusal_by_quota_after_the_acknowledgement_is_still_private()
    {
        using var h = new PipelineHarness(quotas: new QuotaOptions { UserBurst = 1, ChannelBurst = 100 });

        var adapter = await HandleAsync(h,
            new RunInvoked(By("u1"), new RunAsk.Text("py print(1)")),
            new RunInvoked(By("u1"), new RunAsk.Text("py print(2)")));

        Assert.Equal(["ack", "answer", "ack", "private"], adapter.Answers.Select(a => a.Kind));
        Assert.Contains("too fast", (string)adapter.Answers.Last().Detail!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Whoever_asked_for_an_earlier_run_of_the_snippet_may_delete_a_reply_someone_else_ran_again()
    {
        using var h = new PipelineHarness();
        await HandleAsync(h, new RunInvoked(By("ann"), new RunAsk.Text("py print(1)")));
        var first = Assert.Single(h.Store.Snippets.Values).Id;
        await HandleAsync(h, new ButtonClicked(By("bob"), ReplyAction.RunAgain, first, new SentMessage(Where, "r1")));
        var second = h.Store.Snippets.Values.Single(s => s.ParentId == first).Id;

        var byAnn = await HandleAsync(h, new ButtonClicked(By("ann"), ReplyAction.Delete, second, new SentMessage(Where, "r1")));
        var byEve = await HandleAsync(h, new ButtonClicked(By("eve"), ReplyAction.Delete, second, new SentMessage(Where, "r1")));
        var byModerator = await HandleAsync(h,
            new ButtonClicked(By("mod", manages: true), ReplyAction.Delete, second, new SentMessage(Where, "r1")));

        Assert.Equal(["ack", "remove"], byAnn.Answers.Select(a => a.Kind));
        Assert.Equal(["private"], byEve.Answers.Select(a => a.Kind));
        Assert.Equal(["ack", "remove"], byModerator.Answers.Select(a => a.Kind));
    }

    [Fact]
    public async Task Run_code_on_a_message_runs_its_block_and_records_the_message_as_origin()
    {
        using var h = new PipelineHarness();
        var target = new IncomingMessage(Where, "m9", new ChatUser("u2", "u2"), "see\n```py\nprint(9)\n```", null, DateTimeOffset.UnixEpoch);

        await HandleAsync(h, new RunInvoked(By("u1"), new RunAsk.Message(target)));

        var snippet = Assert.Single(h.Store.Snippets.Values);
        Assert.Equal(("print(9)", "m9", "u1"), (snippet.Code, snippet.Origin.MessageId, snippet.Author.UserId));
    }

    [Fact]
    public async Task Language_lookup_offers_prefix_matches_before_other_matches()
    {
        using var h = new PipelineHarness();

        var adapter = await HandleAsync(h, new LanguageLookup(By("u1"), "c"));

        var choices = (IReadOnlyList<LanguageChoice>)adapter.Answers.Single().Detail!;
        Assert.Equal(["c", "cpp", "javascript"], choices.Select(c => c.Value));
    }

    [Fact]
    public async Task Message_replies_get_buttons_only_where_the_platform_shows_them()
    {
        using var withButtons = new PipelineHarness(Buttons);
        using var without = new PipelineHarness();

        await withButtons.Created(Message("!run py print(1)"));
        await without.Created(Message("!run py print(1)"));

        Assert.Equal(3, withButtons.OnlySent().Buttons!.Count);
        Assert.Null(without.OnlySent().Buttons);
    }
}

using CodeCube.Core.Chat;
using CodeCube.Core.Interactions;
using CodeCube.Core.Moderation;
using CodeCube.Core.Running;
using CodeCube.Core.Tests.Fakes;

namespace CodeCube.Core.Tests.Pipeline;

/// <summary>Bans and the per-run log line hold on app surfaces (slash commands, message commands, buttons) too.</summary>
public sealed class InteractionModerationTests
{
    private static readonly ChatCapabilities Buttons = new(TextMarkup.SlackMrkdwn, 3000, 30, 3000, true, true, true, SupportsButtons: true);
    private static readonly Conversation Where = new("slack", "C1");

    private static FakeInteraction By(string user) => new(Where, new ChatUser(user, user), false);

    [Fact]
    public async Task A_banned_user_gets_nothing_from_any_surface_and_each_answer_is_private()
    {
        using var h = new PipelineHarness();
        var adapter = new FakeInteractiveAdapter(Buttons);
        await h.Pipeline.HandleAsync(adapter, new RunInvoked(By("ann"), new RunAsk.Text("py print(1)")), CancellationToken.None);
        var id = Assert.Single(h.Store.Snippets.Keys);
        await h.Moderation.BanAsync(new PlatformUser("slack", "bob"), CancellationToken.None);
        adapter.Answers.Clear();

        ChatEvent[] events =
        [
            new RunInvoked(By("bob"), new RunAsk.Text("py print(2)")),
            new RunInvoked(By("bob"), new RunAsk.Fields("py", null, "")),
            new RunInvoked(By("bob"), new RunAsk.Text("")),
            new ButtonClicked(By("bob"), ReplyAction.RunAgain, id, new SentMessage(Where, "r1")),
            new ButtonClicked(By("bob"), ReplyAction.Delete, id, new SentMessage(Where, "r1")),
            new LanguageLookup(By("bob"), "py"),
        ];
        foreach (var chatEvent in events)
        {
            await h.Pipeline.HandleAsync(adapter, chatEvent, CancellationToken.None);
        }

        Assert.Equal(["private", "private", "private", "private", "private", "suggest"], adapter.Answers.Select(a => a.Kind));
        Assert.All(adapter.Answers.Take(5), a => Assert.Contains("blocked", (string)a.Detail!, StringComparison.Ordinal));
        Assert.Empty((IReadOnlyList<LanguageChoice>)adapter.Answers.Last().Detail!);
        Assert.Equal(1, h.Sandbox.Started);
        Assert.Single(h.Store.Snippets);
    }

    [Fact]
    public async Task A_run_from_a_button_logs_its_one_line_like_a_message_run()
    {
        using var h = new PipelineHarness();
        var adapter = new FakeInteractiveAdapter(Buttons);
        await h.Pipeline.HandleAsync(adapter, new RunInvoked(By("ann"), new RunAsk.Text("py print(1)")), CancellationToken.None);
        var first = Assert.Single(h.Store.Snippets.Keys);

        await h.Pipeline.HandleAsync(adapter,
            new ButtonClicked(By("bob"), ReplyAction.RunAgain, first, new SentMessage(Where, "r1")), CancellationToken.None);

        var second = h.Store.Snippets.Values.Single(s => s.ParentId == first);
        var line = Assert.Single(h.Log.Entries, e => e.Message.StartsWith($"Run {second.Id}:", StringComparison.Ordinal));
        Assert.Contains(RunService.UserHash(second.Author), line.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("bob", line.Message, StringComparison.Ordinal);
    }
}

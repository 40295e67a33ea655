using CodeCube.Core.Options;
using static CodeCube.Core.Tests.Pipeline.PipelineHarness;

namespace CodeCube.Core.Tests.Pipeline;

public sealed class ChatPipelineTests
{
    [Fact]
    public async Task A_run_is_answered_in_reply_stored_and_linked()
    {
        using var h = new PipelineHarness();

        await h.Created(Message("!run py print(1)"));

        var reply = h.OnlySent();
        var snippet = Assert.Single(h.Store.Snippets.Values);
        Assert.Equal(Channel, reply.Where);
        Assert.Equal("m1", reply.ReplyToMessageId);
        Assert.Equal($"```\nprint(1)\n```\npython 1.0 · exit 0 · 5 ms · <{Base}/s/{snippet.Id}>", reply.Text);
        Assert.Equal(("python", "print(1)"), (snippet.Language, snippet.Code));
        Assert.Equal(new SnippetAuthor("discord", "u1", "Ann"), snippet.Author);
        Assert.Equal(new SnippetOrigin("discord", "c1", "m1"), snippet.Origin);
        Assert.Null(snippet.ParentId);
        Assert.Equal(new ReplyLink("reply-1", snippet.Id), h.Replies.Links[("discord", "c1", "m1")]);
    }

    [Fact]
    public async Task A_message_delivered_twice_is_answered_once()
    {
        using var h = new PipelineHarness();

        await h.Created(Message("!run py print(1)"));
        await h.Created(Message("!run py print(1)"));

        Assert.Single(h.Adapter.Sent);
        Assert.Single(h.Sandbox.Requests);
    }

    [Fact]
    public async Task Platforms_without_edits_are_not_deduplicated_by_message_id()
    {
        using var h = new PipelineHarness(FakeChatAdapter.Irc);

        await h.Created(Message("!run py print(1)", id: ""));
        await h.Created(Message("!run py print(2)", id: ""));

        Assert.Equal(2, h.Adapter.Sent.Count);
        Assert.Empty(h.Replies.Links);
    }

    [Fact]
    public async Task Bots_and_ordinary_messages_are_ignored()
    {
        using var h = new PipelineHarness();

        await h.Created(Message("!run py print(1)", bot: true));
        await h.Created(Message("nice weather"));
        await h.Created(Message("!roll 2d6"));

        Assert.Empty(h.Adapter.Sent);
        Assert.Empty(h.Sandbox.Requests);
        Assert.Empty(h.Replies.Links);
    }

    [Fact]
    public async Task A_full_run_queue_is_answered_busy()
    {
        using var h = new PipelineHarness(options: new PipelineOptions { MaxConcurrentRuns = 1, MaxQueuedRuns = 1 });
        h.Sandbox.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = h.Created(Message("!run py print(1)", "m1"));
        await Eventually.TrueAsync(() => h.Sandbox.Started == 1, "the run to start");
        var queued = h.Created(Message("!run py print(2)", "m2", user: "u2"));
        await Eventually.TrueAsync(() => h.Gate.Waiting == 1, "a run to queue");

        await h.Created(Message("!run py print(3)", "m3", user: "u3"));

        var busy = Assert.Single(h.Adapter.Sent).Reply;
        Assert.Equal("m3", busy.ReplyToMessageId);
        Assert.Equal("busy: 1 runs going and 1 waiting; please try again in a minute", busy.Text);
        h.Sandbox.Hold.SetResult();
        await Task.WhenAll(running, queued);
        Assert.Equal(3, h.Adapter.Sent.Count);
        Assert.Equal(2, h.Store.Snippets.Count);
    }

    [Theory]
    [InlineData(RunOutcome.SandboxError, "sandbox error: engine unreachable")]
    [InlineData(RunOutcome.TimedOut, "killed: time limit reached, still running")]
    [InlineData(RunOutcome.MemoryLimit, "killed: memory limit reached")]
    public async Task A_failed_run_is_recorded_and_explained(RunOutcome outcome, string expected)
    {
        using var h = new PipelineHarness();
        h.Sandbox.Respond = r => new RunResult(r.Language, "1.0", outcome, null, null, "", "", 0, false, null, "engine unreachable");

        await h.Created(Message("!run py while True: pass"));

        var snippet = Assert.Single(h.Store.Snippets.Values);
        Assert.Equal(outcome, snippet.Outcome);
        Assert.Contains(expected, h.OnlySent().Text, StringComparison.Ordinal);
        Assert.Contains(snippet.Id, h.OnlySent().Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_crash_becomes_a_short_reply()
    {
        using var h = new PipelineHarness();
        h.Sandbox.Respond = _ => throw new InvalidOperationException("boom");

        await h.Created(Message("!run py print(1)"));

        Assert.Equal("something went wrong on our side and was logged; please try again later", h.OnlySent().Text);
        Assert.Contains(h.Log.Entries, e => e.Exception is InvalidOperationException { Message: "boom" });
    }

    [Fact]
    public async Task A_platform_failure_is_logged_not_thrown()
    {
        using var h = new PipelineHarness();
        await h.Created(Message("!run py print(1)"));
        h.Replies.Links.Clear();
        var failing = new ThrowingAdapter();

        await h.Pipeline.HandleAsync(failing, new MessageCreated(Message("!run py print(2)", "m2")), CancellationToken.None);

        Assert.Empty(h.Replies.Links);
        var logged = Assert.Single(h.Log.Entries, e => e.Level == LogLevel.Error);
        Assert.IsType<HttpRequestException>(logged.Exception);
    }

    [Fact]
    public async Task Cancellation_stops_a_run_without_a_reply()
    {
        using var h = new PipelineHarness();
        h.Sandbox.Hold = new TaskCompletionSource();
        using var cts = new CancellationTokenSource();
        var handling = h.Created(Message("!run py print(1)"), cts.Token);
        await Eventually.TrueAsync(() => h.Sandbox.Started == 1, "the run to start");

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => handling);
        Assert.Empty(h.Adapter.Sent);
    }

    [Fact]
    public async Task Too_many_commands_get_one_slow_down_answer_then_silence()
    {
        using var h = new PipelineHarness(quotas: new QuotaOptions { UserBurst = 1, UserPerMinute = 6 });

        await h.Created(Message("!run py print(1)", "m1"));
        await h.Created(Message("!run py print(2)", "m2"));
        await h.Created(Message("!help", "m3"));

        Assert.Equal(2, h.Adapter.Sent.Count);
        Assert.Equal("you are sending commands too fast; try again in 10 s", h.Adapter.Sent.Last().Reply.Text);
        Assert.Single(h.Sandbox.Requests);
    }

    [Fact]
    public async Task Rerun_by_id_runs_the_stored_snippet_as_its_child()
    {
        using var h = new PipelineHarness();
        await h.Created(Message("!run py ```print(7)```\n```\nin\n```", "m1"));
        var original = Assert.Single(h.Store.Snippets.Values);

        await h.Created(Message($"!run {Base}/s/{original.Id}", "m2"));

        var rerun = h.Store.Snippets.Values.Single(s => s.Id != original.Id);
        Assert.Equal((original.Language, original.Code, original.Stdin), (rerun.Language, rerun.Code, rerun.Stdin));
        Assert.Equal(original.Id, rerun.ParentId);
    }

    [Fact]
    public async Task Rerun_of_an_unknown_snippet_says_so()
    {
        using var h = new PipelineHarness();

        await h.Created(Message("!run AbCdEf123456"));

        Assert.Equal("there is no snippet AbCdEf123456", h.OnlySent().Text);
    }

    [Fact]
    public async Task Help_langs_and_parse_errors_are_answered()
    {
        using var h = new PipelineHarness();

        await h.Created(Message("!help", "m1"));
        await h.Created(Message("!langs", "m2"));
        await h.Created(Message("!run", "m3"));

        var texts = h.Adapter.Sent.Select(s => s.Reply.Text).ToList();
        Assert.Contains("!run <language> \\[args...\\]", texts[0], StringComparison.Ordinal);
        Assert.Contains("6 languages; aliases and versions: " + PipelineHarness.Base + "/languages", texts[1], StringComparison.Ordinal);
        Assert.Contains("scripting: javascript python", texts[1], StringComparison.Ordinal);
        Assert.Contains("shell and text: bash sh", texts[1], StringComparison.Ordinal);
        Assert.Contains("libraries: python has numpy, sympy", texts[1], StringComparison.Ordinal);
        Assert.StartsWith("usage: !run", texts[2], StringComparison.Ordinal);
        Assert.Empty(h.Sandbox.Requests);
    }

    [Fact]
    public async Task A_slow_run_shows_progress_and_a_fast_one_does_not()
    {
        using var h = new PipelineHarness();
        await h.Created(Message("!run py print(0)", "m0"));
        Assert.Equal(0, h.Adapter.ProgressCalls);

        h.Sandbox.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handling = h.Created(Message("!run py print(1)", "m1"));
        await Eventually.TrueAsync(() => h.Sandbox.Started == 2, "the second run to start");
        h.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(0, h.Adapter.ProgressCalls);
        h.Time.Advance(TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(() => h.Adapter.ProgressCalls == 1, "the first progress indication");

        // The renewal's timer starts just after the first call returns: step the clock until it fires.
        await h.Time.AdvanceUntilAsync(() => h.Adapter.ProgressCalls == 2, "the renewed progress indication");

        h.Sandbox.Hold.SetResult();
        await handling;
        h.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(2, h.Adapter.ProgressCalls);
    }

    private sealed class ThrowingAdapter : IChatAdapter
    {
        public string Platform => "discord";

        public ChatCapabilities Capabilities => FakeChatAdapter.Discord;

        public IAsyncEnumerable<ChatEvent> ReadEventsAsync(CancellationToken ct) => throw new NotSupportedException();

        public Task<SentMessage> SendAsync(OutgoingReply reply, CancellationToken ct) =>
            throw new HttpRequestException("429");

        public Task EditAsync(SentMessage sent, OutgoingReply reply, CancellationToken ct) => throw new HttpRequestException();

        public Task DeleteAsync(SentMessage sent, CancellationToken ct) => throw new HttpRequestException();
    }
}

namespace CodeCube.Adapters.Tests.Slack;

public sealed class SlackWebApiTests
{
    private static readonly Conversation Thread = new("slack", "C111", "1610241741.000200");

    private static async Task<SlackHarness> StartEventsApiAsync() =>
        await SlackHarness.StartAsync("EventsApi", signingSecret: "secret", pump: false);

    [Fact]
    public async Task Reply_goes_into_the_thread_as_a_JSON_post_with_the_bot_token()
    {
        await using var harness = await StartEventsApiAsync();
        var sent = await harness.Adapter.SendAsync(new OutgoingReply(Thread, "hello", "1610241741.000200"), default);

        var post = Assert.Single(harness.Server.CallsTo("chat.postMessage"));
        Assert.Equal("Bearer " + SlackTestServer.BotToken, post.Authorization);
        Assert.Equal("application/json; charset=utf-8", post.ContentType);
        Assert.Equal("C111", post.Args["channel"]!.GetValue<string>());
        Assert.Equal("1610241741.000200", post.Args["thread_ts"]!.GetValue<string>());
        Assert.Equal("hello", post.Args["text"]!.GetValue<string>());
        Assert.Equal(Thread, sent.Where);
        Assert.Matches(@"^\d+\.\d{6}$", sent.MessageId);
    }

    [Fact]
    public async Task Escaped_mentions_in_reply_text_are_sent_unchanged_and_never_ping()
    {
        await using var harness = await StartEventsApiAsync();
        // What the formatter makes of program output "<!channel> <@U123> a & b".
        const string escaped = "```&lt;!channel&gt; &lt;@U123&gt; a &amp; b```";
        await harness.Adapter.SendAsync(new OutgoingReply(Thread, escaped), default);

        var post = Assert.Single(harness.Server.CallsTo("chat.postMessage"));
        Assert.Equal(escaped, post.Args["text"]!.GetValue<string>());
        Assert.Equal("none", post.Args["parse"]!.GetValue<string>());
        Assert.False(post.Args["link_names"]!.GetValue<bool>());
        Assert.DoesNotContain("<!", post.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("<@", post.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_longer_than_Slack_allows_is_cut_to_4000_characters()
    {
        await using var harness = await StartEventsApiAsync();
        await harness.Adapter.SendAsync(new OutgoingReply(Thread, new string('x', 3999) + "&amp;tail"), default);

        var text = Assert.Single(harness.Server.CallsTo("chat.postMessage")).Args["text"]!.GetValue<string>();
        Assert.Equal(new string('x', 3999), text);
    }

    [Fact]
    public async Task Edit_updates_the_message_and_delete_removes_it()
    {
        await using var harness = await StartEventsApiAsync();
        var sent = await harness.Adapter.SendAsync(new OutgoingReply(Thread, "v1"), default);
        await harness.Adapter.EditAsync(sent, new OutgoingReply(Thread, "v2"), default);
        await harness.Adapter.DeleteAsync(sent, default);

        var update = Assert.Single(harness.Server.CallsTo("chat.update"));
        Assert.Equal(("C111", sent.MessageId, "v2"), (update.Args["channel"]!.GetValue<string>(),
            update.Args["ts"]!.GetValue<string>(), update.Args["text"]!.GetValue<string>()));
        var delete = Assert.Single(harness.Server.CallsTo("chat.delete"));
        Assert.Equal(("C111", sent.MessageId),
            (delete.Args["channel"]!.GetValue<string>(), delete.Args["ts"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Output_of_10000_lines_is_uploaded_into_the_thread_with_the_reply_as_comment()
    {
        await using var harness = await StartEventsApiAsync();
        var content = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(1, 10_000).Select(i => $"line {i}\n")));
        var reply = new OutgoingReply(Thread, "Output: 10000 lines", "1610241741.000200",
            new ReplyAttachment("output.txt", "text/plain", content));

        var sent = await harness.Adapter.SendAsync(reply, default);

        var server = harness.Server;
        var ticket = Assert.Single(server.CallsTo("files.getUploadURLExternal"));
        Assert.Equal("output.txt", ticket.Args["filename"]!.GetValue<string>());
        Assert.Equal(content.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ticket.Args["length"]!.GetValue<string>());
        var (fileId, bytes) = Assert.Single(server.Uploads);
        Assert.Equal(content, bytes);
        Assert.Empty(server.CallsTo("upload").Single().Authorization!);
        var complete = Assert.Single(server.CallsTo("files.completeUploadExternal"));
        Assert.Equal("C111", complete.Args["channel_id"]!.GetValue<string>());
        Assert.Equal("1610241741.000200", complete.Args["thread_ts"]!.GetValue<string>());
        Assert.Equal("Output: 10000 lines", complete.Args["initial_comment"]!.GetValue<string>());
        var files = JsonDocument.Parse(complete.Args["files"]!.GetValue<string>()).RootElement;
        Assert.Equal(fileId, files[0].GetProperty("id").GetString());
        Assert.Empty(server.CallsTo("chat.postMessage"));
        Assert.Equal("file:" + fileId, sent.MessageId);
    }

    [Fact]
    public async Task Editing_an_upload_replaces_it_and_later_deletes_reach_the_replacement()
    {
        await using var harness = await StartEventsApiAsync();
        var file = new ReplyAttachment("output.txt", "text/plain", "a\nb\n"u8.ToArray());
        var sent = await harness.Adapter.SendAsync(new OutgoingReply(Thread, "long", null, file), default);
        await harness.Adapter.EditAsync(sent, new OutgoingReply(Thread, "short now"), default);
        await harness.Adapter.DeleteAsync(sent, default);

        var fileDelete = Assert.Single(harness.Server.CallsTo("files.delete"));
        Assert.Equal(sent.MessageId["file:".Length..], fileDelete.Args["file"]!.GetValue<string>());
        var post = Assert.Single(harness.Server.CallsTo("chat.postMessage"));
        Assert.Equal("short now", post.Args["text"]!.GetValue<string>());
        Assert.Single(harness.Server.CallsTo("chat.delete"));
    }

    [Fact]
    public async Task Rate_limited_post_is_retried_once_after_Retry_After_and_posted_exactly_once()
    {
        await using var harness = await StartEventsApiAsync();
        harness.Server.Script("chat.postMessage",
            new ScriptedAnswer(429, """{"ok":false,"error":"ratelimited"}""", RetryAfter: "30"));

        var send = harness.Adapter.SendAsync(new OutgoingReply(Thread, "once"), default);
        await harness.Server.WaitForCallAsync("chat.postMessage");
        await harness.Time.AdvanceUntilAsync(() => send.IsCompleted, "the post to be retried");

        var sent = await send;
        var calls = harness.Server.CallsTo("chat.postMessage");
        Assert.Equal(2, calls.Count);
        Assert.True(calls[1].At - calls[0].At >= TimeSpan.FromSeconds(30), "retried before Retry-After");
        Assert.Matches(@"^\d+\.\d{6}$", sent.MessageId);
    }

    [Fact]
    public async Task Api_error_surfaces_with_its_code_and_is_not_retried()
    {
        await using var harness = await StartEventsApiAsync();
        harness.Server.Script("chat.postMessage",
            new ScriptedAnswer(200, SlackFixtures.Text("webapi-docs-error-invalid_auth.json")));

        var error = await Assert.ThrowsAsync<CodeCube.Adapters.Slack.SlackApiException>(
            () => harness.Adapter.SendAsync(new OutgoingReply(Thread, "x"), default));
        Assert.Equal("invalid_auth", error.Error);
        Assert.Single(harness.Server.CallsTo("chat.postMessage"));
    }

    [Fact]
    public async Task Server_error_on_a_post_is_not_retried_because_it_may_have_been_posted()
    {
        await using var harness = await StartEventsApiAsync();
        harness.Server.Script("chat.postMessage", new ScriptedAnswer(500, "oops"));

        await Assert.ThrowsAsync<CodeCube.Adapters.Slack.SlackApiException>(
            () => harness.Adapter.SendAsync(new OutgoingReply(Thread, "x"), default));
        Assert.Single(harness.Server.CallsTo("chat.postMessage"));
    }
}

using CodeCube.Adapters.Discord.Rest;

namespace CodeCube.Adapters.Tests.Discord;

public sealed class DiscordRestTests
{
    private static readonly Conversation Where = new("discord", "290926798999357250");

    [Fact]
    public async Task A_reply_references_the_command_and_never_lets_mentions_ping()
    {
        await using var h = await DiscordTestHarness.StartAsync();
        const string text = "@everyone <@&1234> <@5678> @here output";

        var sent = await h.Adapter.SendAsync(new OutgoingReply(Where, text, "334385199974967042"), default);

        var call = Assert.Single(CreateCalls(h));
        Assert.Equal($"/channels/{Where.ChannelId}/messages", call.Path);
        Assert.Equal("Bot " + DiscordProtocolServer.Token, call.Authorization);
        Assert.Equal(DiscordRestClient.UserAgent, call.UserAgent);
        Assert.Equal(text, (string?)call.Json!["content"]);
        AssertNoMentionsParsed(call.Json);
        Assert.Equal("334385199974967042", (string?)call.Json["message_reference"]!["message_id"]);
        Assert.False((bool)call.Json["message_reference"]!["fail_if_not_exists"]!);
        Assert.Equal(Where, sent.Where);
        Assert.False(string.IsNullOrEmpty(sent.MessageId));
    }

    [Fact]
    public async Task An_edit_patches_with_mentions_suppressed_and_a_delete_deletes()
    {
        await using var h = await DiscordTestHarness.StartAsync();
        var sent = await h.Adapter.SendAsync(new OutgoingReply(Where, "running..."), default);

        await h.Adapter.EditAsync(sent, new OutgoingReply(Where, "done <@&99> @everyone"), default);
        await h.Adapter.DeleteAsync(sent, default);

        var path = $"/channels/{Where.ChannelId}/messages/{sent.MessageId}";
        var edit = Assert.Single(h.Server.Calls, c => c.Method == "PATCH");
        Assert.Equal(path, edit.Path);
        Assert.Equal("done <@&99> @everyone", (string?)edit.Json!["content"]);
        AssertNoMentionsParsed(edit.Json);
        Assert.Null(edit.Json["message_reference"]);
        // The new reply has no file: an empty attachments list removes the old one (long output edited short).
        Assert.Empty(edit.Json["attachments"]!.AsArray());
        var delete = Assert.Single(h.Server.Calls, c => c.Method == "DELETE");
        Assert.Equal(path, delete.Path);
        Assert.Equal(204, delete.Status);
    }

    [Fact]
    public async Task A_429_on_create_waits_retry_after_then_posts_the_same_message_exactly_once()
    {
        await using var h = await DiscordTestHarness.StartAsync();
        h.Server.RespondNextWith429(retryAfterSeconds: 2.5);

        var send = h.Adapter.SendAsync(new OutgoingReply(Where, "hello", "1"), default);
        await h.WaitForLogAsync("rate limited");
        h.Time.Advance(TimeSpan.FromMilliseconds(2499));
        await Eventually.NeverAsync(() => CreateCalls(h).Count > 1, "a second message was created");
        h.Time.Advance(TimeSpan.FromMilliseconds(1));
        var sent = await send.WaitAsync(TimeSpan.FromSeconds(15));

        var calls = CreateCalls(h);
        Assert.Equal([429, 200], calls.Select(c => c.Status));
        Assert.Equal(calls[0].Json!.ToJsonString(), calls[1].Json!.ToJsonString());
        Assert.False(string.IsNullOrEmpty(sent.MessageId));
        Assert.Contains(h.Logs.Entries, e => e.Message.Contains("rate limited", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_global_429_holds_every_route_for_retry_after()
    {
        await using var h = await DiscordTestHarness.StartAsync();
        h.Server.RespondNextWith429(retryAfterSeconds: 4, global: true);

        var send = h.Adapter.SendAsync(new OutgoingReply(Where, "hello"), default);
        await h.WaitForLogAsync("rate limited (global: True)");
        var typing = h.Adapter.IndicateProgressAsync(new Conversation("discord", "777"), default);
        await Eventually.NeverAsync(() => h.Server.Calls.Any(c => c.Path.EndsWith("/typing", StringComparison.Ordinal)), "typing went out during the global rate limit");
        h.Time.Advance(TimeSpan.FromSeconds(4));
        await Task.WhenAll(send, typing).WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Equal(2, CreateCalls(h).Count);
        Assert.Single(h.Server.Calls, c => c.Path == "/channels/777/typing" && c.Method == "POST");
    }

    [Fact]
    public async Task A_server_error_after_sending_is_not_retried_so_nothing_posts_twice()
    {
        await using var h = await DiscordTestHarness.StartAsync();
        h.Server.RespondNextWithStatus(502);

        var failure = await Assert.ThrowsAsync<DiscordApiException>(() => h.Adapter.SendAsync(new OutgoingReply(Where, "hello"), default));

        Assert.Equal(System.Net.HttpStatusCode.BadGateway, failure.StatusCode);
        await Eventually.NeverAsync(() => CreateCalls(h).Count > 1, "a second message was created");
    }

    [Fact]
    public async Task An_empty_bucket_makes_the_next_request_wait_for_reset_after()
    {
        await using var h = await DiscordTestHarness.StartAsync();
        h.Server.RespondNextWithEmptyBucket(resetAfterSeconds: 3);
        await h.Adapter.SendAsync(new OutgoingReply(Where, "one"), default);

        var second = h.Adapter.SendAsync(new OutgoingReply(Where, "two"), default);
        await Eventually.NeverAsync(() => CreateCalls(h).Count > 1, "a second message was created");
        h.Time.Advance(TimeSpan.FromSeconds(3));
        await second.WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Equal(["one", "two"], CreateCalls(h).Select(c => (string?)c.Json!["content"]));
    }

    [Fact]
    public async Task Long_output_goes_as_a_multipart_upload_with_payload_json_and_files_0()
    {
        await using var h = await DiscordTestHarness.StartAsync();
        var output = string.Concat(Enumerable.Repeat("0123456789", 500)); // 5000 characters
        var file = new ReplyAttachment("output.txt", "text/plain", Encoding.UTF8.GetBytes(output));

        await h.Adapter.SendAsync(new OutgoingReply(Where, "Output attached <@&1>", "42", file), default);

        var call = Assert.Single(CreateCalls(h));
        Assert.Equal("Output attached <@&1>", (string?)call.Json!["content"]);
        AssertNoMentionsParsed(call.Json);
        Assert.Equal("42", (string?)call.Json["message_reference"]!["message_id"]);
        var attachment = Assert.Single(call.Json["attachments"]!.AsArray())!;
        Assert.Equal(0, (int)attachment["id"]!);
        Assert.Equal("output.txt", (string?)attachment["filename"]);
        var uploaded = Assert.Single(call.Files);
        Assert.Equal("files[0]", uploaded.Name);
        Assert.Equal("output.txt", uploaded.FileName);
        Assert.Equal("text/plain", uploaded.ContentType);
        Assert.Equal(output, Encoding.UTF8.GetString(uploaded.Content));
    }

    [Fact]
    public async Task Text_beyond_2000_characters_travels_as_a_file_instead_of_being_rejected()
    {
        await using var h = await DiscordTestHarness.StartAsync();
        var output = new string('x', 5000);

        await h.Adapter.SendAsync(new OutgoingReply(Where, output), default);

        var call = Assert.Single(CreateCalls(h));
        Assert.True(((string?)call.Json!["content"])!.Length <= h.Adapter.Capabilities.MaxMessageChars);
        AssertNoMentionsParsed(call.Json);
        Assert.Equal(output, Encoding.UTF8.GetString(Assert.Single(call.Files).Content));
    }

    [Fact]
    public async Task Progress_is_the_typing_indicator()
    {
        await using var h = await DiscordTestHarness.StartAsync();

        await h.Adapter.IndicateProgressAsync(Where, default);

        var call = Assert.Single(h.Server.Calls, c => c.Path.EndsWith("/typing", StringComparison.Ordinal));
        Assert.Equal(("POST", $"/channels/{Where.ChannelId}/typing", 204), (call.Method, call.Path, call.Status));
    }

    [Fact]
    public async Task Capabilities_describe_discord()
    {
        await using var h = await DiscordTestHarness.StartAsync(connect: false);

        var caps = h.Adapter.Capabilities;
        Assert.Equal("discord", h.Adapter.Platform);
        Assert.Equal((TextMarkup.DiscordMarkdown, 2000, 20, true, true),
            (caps.Markup, caps.MaxMessageChars, caps.MaxOutputLines, caps.SupportsEdits, caps.SupportsUploads));
    }

    private static List<RestCall> CreateCalls(DiscordTestHarness h) =>
        h.Server.Calls.Where(c => c.Method == "POST" && c.Path.EndsWith("/messages", StringComparison.Ordinal)).ToList();

    private static void AssertNoMentionsParsed(JsonObject json) =>
        Assert.Empty(json["allowed_mentions"]!["parse"]!.AsArray());
}

using static CodeCube.Core.Tests.Pipeline.PipelineHarness;

namespace CodeCube.Core.Tests.Pipeline;

public sealed class ChatPipelineEditTests
{
    [Fact]
    public async Task An_edit_reruns_with_the_old_snippet_as_parent_and_edits_the_reply()
    {
        using var h = new PipelineHarness();
        await h.Created(Message("!run py print(1)"));
        var first = h.Replies.Links[("discord", "c1", "m1")].SnippetId;

        await h.Edited(Message("!run py print(2)"));

        var (sent, reply) = Assert.Single(h.Adapter.Edited);
        Assert.Equal("reply-1", sent.MessageId);
        Assert.Contains("print(2)", reply.Text, StringComparison.Ordinal);
        var second = h.Replies.Links[("discord", "c1", "m1")];
        Assert.Equal("reply-1", second.ReplyMessageId);
        Assert.Equal(first, h.Store.Snippets[second.SnippetId].ParentId);
        Assert.Single(h.Adapter.Sent);
    }

    [Fact]
    public async Task An_edit_that_leaves_the_code_alone_does_not_rerun()
    {
        using var h = new PipelineHarness();
        await h.Created(Message("!run py print(1)"));

        await h.Edited(Message("!run python   print(1)"));

        Assert.Single(h.Sandbox.Requests);
        Assert.Empty(h.Adapter.Edited);
    }

    [Fact]
    public async Task Without_edit_support_an_edit_sends_a_new_reply_and_relinks()
    {
        using var h = new PipelineHarness(FakeChatAdapter.Irc);
        await h.Created(Message("!run py print(1)"));

        await h.Edited(Message("!run py print(2)"));

        Assert.Empty(h.Adapter.Edited);
        Assert.Equal(2, h.Adapter.Sent.Count);
        Assert.Equal("reply-2", h.Replies.Links[("discord", "c1", "m1")].ReplyMessageId);
    }

    [Fact]
    public async Task Edits_of_messages_we_never_answered_are_ignored()
    {
        using var h = new PipelineHarness();

        await h.Edited(Message("!run py print(1)"));

        Assert.Empty(h.Sandbox.Requests);
        Assert.Empty(h.Adapter.Sent);
        Assert.Empty(h.Adapter.Edited);
    }

    [Fact]
    public async Task An_edit_fixing_an_error_runs_and_replaces_the_error_reply()
    {
        using var h = new PipelineHarness();
        await h.Created(Message("!run pyhton print(1)"));
        Assert.Contains("unknown language", h.OnlySent().Text, StringComparison.Ordinal);

        await h.Edited(Message("!run python print(1)"));

        var (sent, reply) = Assert.Single(h.Adapter.Edited);
        Assert.Equal("reply-1", sent.MessageId);
        Assert.StartsWith("```\nprint(1)", reply.Text, StringComparison.Ordinal);
        Assert.Null(Assert.Single(h.Store.Snippets.Values).ParentId);
    }

    [Fact]
    public async Task An_edit_that_removes_the_command_deletes_the_reply()
    {
        using var h = new PipelineHarness();
        await h.Created(Message("!run py print(1)"));

        await h.Edited(Message("never mind"));

        Assert.Equal("reply-1", Assert.Single(h.Adapter.Deleted).MessageId);
        Assert.Empty(h.Replies.Links);
    }

    [Fact]
    public async Task Deleting_the_message_deletes_our_reply_and_the_link()
    {
        using var h = new PipelineHarness();
        await h.Created(Message("!run py print(1)"));

        await h.Deleted("m1");
        await h.Deleted("unknown");

        Assert.Equal(new SentMessage(Channel, "reply-1"), Assert.Single(h.Adapter.Deleted));
        Assert.Empty(h.Replies.Links);
    }
}

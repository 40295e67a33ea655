using CodeCube.Core.Chat;
using CodeCube.Core.Commands;
using CodeCube.Core.Contracts;
using CodeCube.Core.Interactions;
using CodeCube.Core.Moderation;
using CodeCube.Core.Options;
using CodeCube.Core.Quotas;
using CodeCube.Core.Replies;
using CodeCube.Core.Running;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CodeCube.Core.Pipeline;

/// <summary>
/// What the bot does with one chat event; adapters only translate. Entry point: <see cref="HandleAsync"/>.
/// <list type="bullet">
/// <item>Created: parse → quotas → run (global <see cref="RunGate"/>) → format → reply to the message → remember
/// message → reply + snippet in <see cref="IReplyMap"/>.</item>
/// <item>Edited (a message we answered): run again with the old snippet as parent and edit our reply (or send a
/// new one where edits are not supported); an edit that leaves the code as it was does nothing.</item>
/// <item>Deleted: delete our reply and forget the link.</item>
/// <item>Interactions (slash and message commands, reply buttons, language lookups): see ChatPipeline.Interactions.cs.</item>
/// </list>
/// Messages from bots and ordinary messages are ignored. Failures become a short reply and a log entry.
/// </summary>
public sealed partial class ChatPipeline(
    CommandParser parser,
    ReplyFormatter formatter,
    RunQuotas quotas,
    RunGate gate,
    IRunService runs,
    ISnippetStore snippets,
    IReplyMap replies,
    ILanguageRegistry languages,
    IModerationStore moderation,
    IPermalinks permalinks,
    IOptions<PipelineOptions> options,
    IOptions<InputLimitsOptions> limits,
    TimeProvider time,
    RunMetrics runMetrics,
    ChatMetrics chatMetrics,
    ILogger<ChatPipeline> logger)
{
    /// <summary>
    /// Handles one event to the end (reply sent, link stored). Never throws, except
    /// <see cref="OperationCanceledException"/> once <paramref name="ct"/> is cancelled.
    /// </summary>
    public async Task HandleAsync(IChatAdapter adapter, ChatEvent chatEvent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        try
        {
            switch (chatEvent)
            {
                case MessageCreated created when !created.Message.Author.IsBot:
                    await OnCreatedAsync(adapter, created.Message, ct).ConfigureAwait(false);
                    break;
                case MessageEdited edited when !edited.Message.Author.IsBot:
                    await OnEditedAsync(adapter, edited.Message, ct).ConfigureAwait(false);
                    break;
                case MessageDeleted deleted:
                    await OnDeletedAsync(adapter, deleted, ct).ConfigureAwait(false);
                    break;
                case RunInvoked or LanguageLookup or ButtonClicked when adapter is IInteractionResponder responder:
                    await OnInteractionAsync(adapter, responder, chatEvent, ct).ConfigureAwait(false);
                    break;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.EventFailed(ex, adapter.Platform, chatEvent.GetType().Name);
        }
    }

    private async Task OnCreatedAsync(IChatAdapter adapter, IncomingMessage message, CancellationToken ct)
    {
        var command = await ParseAsync(adapter, message, ct).ConfigureAwait(false);
        if (command is Command.NotACommand)
        {
            return;
        }

        // A platform with real message ids may deliver a message twice (Slack retries, gateway resumes): answer
        // once. Platforms without edits (IRC) may have no stable ids, so they are not checked.
        var where = message.Where;
        var tracked = adapter.Capabilities.SupportsEdits && message.MessageId.Length > 0;
        if (tracked && await replies.GetAsync(where.Platform, where.ChannelId, message.MessageId, ct)
                .ConfigureAwait(false) is not null)
        {
            return;
        }

        var answer = await AnswerAsync(adapter, message, command, parentId: null, ct).ConfigureAwait(false);
        if (answer is null)
        {
            return;
        }

        var sent = await adapter.SendAsync(Compose(answer, adapter.Capabilities, where, message.MessageId), ct)
            .ConfigureAwait(false);
        chatMetrics.Replied(adapter.Platform, "send");
        if (message.MessageId.Length > 0)
        {
            await replies.SetAsync(where.Platform, where.ChannelId, message.MessageId,
                new ReplyLink(sent.MessageId, answer.SnippetId), ct).ConfigureAwait(false);
        }
    }

    private async Task OnEditedAsync(IChatAdapter adapter, IncomingMessage message, CancellationToken ct)
    {
        var where = message.Where;
        var link = await replies.GetAsync(where.Platform, where.ChannelId, message.MessageId, ct).ConfigureAwait(false);
        if (link is null)
        {
            return;
        }

        var command = await ParseAsync(adapter, message, ct).ConfigureAwait(false);
        if (command is Command.NotACommand)
        {
            await DeleteReplyAsync(adapter, where, message.MessageId, link, ct).ConfigureAwait(false);
            return;
        }

        var previous = link.SnippetId.Length == 0 ? null : link.SnippetId;
        if (command is Command.Run run && previous is not null
            && await IsSameRunAsync(previous, run.Request, ct).ConfigureAwait(false))
        {
            // Platforms report edits that did not touch the text (Discord does when a link preview loads).
            return;
        }

        var answer = await AnswerAsync(adapter, message, command, previous, ct).ConfigureAwait(false);
        if (answer is null)
        {
            return;
        }

        var reply = Compose(answer, adapter.Capabilities, where, message.MessageId);
        var replyId = link.ReplyMessageId;
        if (adapter.Capabilities.SupportsEdits)
        {
            await adapter.EditAsync(new SentMessage(where, replyId), reply, ct).ConfigureAwait(false);
            chatMetrics.Replied(adapter.Platform, "edit");
        }
        else
        {
            replyId = (await adapter.SendAsync(reply, ct).ConfigureAwait(false)).MessageId;
            chatMetrics.Replied(adapter.Platform, "send");
        }

        await replies.SetAsync(where.Platform, where.ChannelId, message.MessageId,
            new ReplyLink(replyId, answer.SnippetId), ct).ConfigureAwait(false);
    }

    private async Task OnDeletedAsync(IChatAdapter adapter, MessageDeleted deleted, CancellationToken ct)
    {
        var where = deleted.Where;
        var link = await replies.GetAsync(where.Platform, where.ChannelId, deleted.MessageId, ct).ConfigureAwait(false);
        if (link is not null)
        {
            await DeleteReplyAsync(adapter, where, deleted.MessageId, link, ct).ConfigureAwait(false);
        }
    }

    private async Task DeleteReplyAsync(
        IChatAdapter adapter, Conversation where, string messageId, ReplyLink link, CancellationToken ct)
    {
        try
        {
            await adapter.DeleteAsync(new SentMessage(where, link.ReplyMessageId), ct).ConfigureAwait(false);
            chatMetrics.Replied(adapter.Platform, "delete");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Someone may have deleted our reply already; the link must go either way.
            logger.DeleteFailed(ex, adapter.Platform, link.ReplyMessageId);
        }

        await replies.RemoveAsync(where.Platform, where.ChannelId, messageId, ct).ConfigureAwait(false);
    }

    private async Task<bool> IsSameRunAsync(string snippetId, RunRequest request, CancellationToken ct)
    {
        var old = await snippets.GetAsync(snippetId, ct).ConfigureAwait(false);
        return old is not null
            && languages.TryResolve(old.Language, out var oldLanguage)
            && oldLanguage.Id == request.Language
            && old.Code == request.Code
            && old.Stdin == request.Stdin
            && old.Args.SequenceEqual(request.Arguments);
    }
}

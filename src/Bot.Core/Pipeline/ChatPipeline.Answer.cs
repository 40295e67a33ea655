using CodeCube.Core.Chat;
using CodeCube.Core.Commands;
using CodeCube.Core.Contracts;
using CodeCube.Core.Interactions;
using CodeCube.Core.Moderation;
using CodeCube.Core.Quotas;
using CodeCube.Core.Replies;

namespace CodeCube.Core.Pipeline;

public sealed partial class ChatPipeline
{
    /// <summary>Computes the reply to a command: null when the bot stays silent.</summary>
    private async Task<Answer?> AnswerAsync(
        IChatAdapter adapter, IncomingMessage message, Command command, string? parentId, CancellationToken ct,
        bool interaction = false)
    {
        if (command is Command.NotACommand)
        {
            return null;
        }

        var caps = adapter.Capabilities;
        var user = new PlatformUser(message.Where.Platform, message.Author.Id);
        if (await moderation.IsBannedAsync(user, ct).ConfigureAwait(false))
        {
            runMetrics.Refused("banned", adapter.Platform);
            logger.Refused(adapter.Platform, message.MessageId, message.Author.Id, "banned");
            return await moderation.TryClaimNoticeAsync(user, Notices.BanNoticeEvery, ct).ConfigureAwait(false)
                ? Notice(Notices.Banned, caps)
                : null;
        }

        var quota = quotas.TryAcquire(message.Where.Platform, message.Author.Id, message.Where.ChannelId);
        if (!quota.Allowed)
        {
            logger.Refused(adapter.Platform, message.MessageId, message.Author.Id, $"quota ({quota.RefusedBy})");
            runMetrics.RateLimited(quota.RefusedBy == Quotas.QuotaScope.Channel ? "channel" : "user");
            return quota.ShouldNotify ? Notice(Notices.SlowDown(quota), caps) : null;
        }

        switch (command)
        {
            case Command.Help:
                return Notice(Notices.Help(options.Value.Prefix, limits.Value.MaxCodeBytes), caps);
            case Command.Languages:
                return Notice(Notices.Languages(languages, permalinks.LanguagesPage), caps);
            case Command.ParseError error:
                return Notice(error.Message, caps);
            case Command.RerunSnippet rerun:
                var snippet = await snippets.GetAsync(rerun.SnippetId, ct).ConfigureAwait(false);
                if (snippet is null)
                {
                    var removed = await moderation.IsRemovedAsync(rerun.SnippetId, ct).ConfigureAwait(false);
                    return Notice(removed ? Notices.Removed(rerun.SnippetId) : Notices.NoSnippet(rerun.SnippetId), caps);
                }

                var request = new RunRequest(snippet.Language, snippet.Code, snippet.Stdin, snippet.Args);
                return await RunAsync(adapter, message, request, snippet.Id, interaction, ct).ConfigureAwait(false);
            case Command.Run run:
                return await RunAsync(adapter, message, run.Request, parentId, interaction, ct).ConfigureAwait(false);
            default:
                return null;
        }
    }

    private async Task<Answer> RunAsync(
        IChatAdapter adapter, IncomingMessage message, RunRequest request, string? parentId, bool interaction,
        CancellationToken ct)
    {
        var caps = adapter.Capabilities;
        var where = message.Where;
        using var progress = CancellationTokenSource.CreateLinkedTokenSource(ct);
        // An interaction already shows that an answer is coming; a typing indicator would only add noise.
        var indicator = interaction ? Task.CompletedTask : ShowProgressAsync(adapter, where, progress.Token);
        try
        {
            if (!gate.TryAdmit($"{where.Platform}:{message.Author.Id}", out var ticket, out var refusal))
            {
                runMetrics.Refused(refusal.Reason.ToWire(), adapter.Platform);
                logger.Refused(adapter.Platform, message.MessageId, message.Author.Id, refusal.Reason.ToString());
                return Notice(Notices.Busy(refusal), caps);
            }

            using var admitted = ticket;
            var author = new SnippetAuthor(where.Platform, message.Author.Id, message.Author.DisplayName);
            var origin = new SnippetOrigin(where.Platform, where.ChannelId, message.MessageId);
            var record = await runs.RunAsync(ticket, request, author, origin, parentId, progress: null, ct).ConfigureAwait(false);
            logger.Ran(adapter.Platform, record.Snippet.Id, record.Result.Language, record.Result.Outcome.ToWire(),
                record.Result.WallMs, record.FromCache, message.MessageId);
            return new Answer(formatter.Format(record, caps), record.Snippet.Id, record.Permalink);
        }
        catch (SandboxUnavailableException)
        {
            return Notice(Notices.NoSandbox, caps);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.RunFailed(ex, adapter.Platform, message.MessageId);
            return Notice(Notices.InternalError, caps);
        }
        finally
        {
            await progress.CancelAsync().ConfigureAwait(false);
            await indicator.ConfigureAwait(false);
        }
    }

    /// <summary>After ProgressDelay, keeps the platform's typing indicator on until cancelled. Never throws.</summary>
    private async Task ShowProgressAsync(IChatAdapter adapter, Conversation where, CancellationToken ct)
    {
        try
        {
            await Task.Delay(options.Value.ProgressDelay, time, ct).ConfigureAwait(false);
            while (!ct.IsCancellationRequested)
            {
                await adapter.IndicateProgressAsync(where, ct).ConfigureAwait(false);
                await Task.Delay(options.Value.ProgressInterval, time, ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex)
        {
            logger.ProgressFailed(ex, adapter.Platform);
        }
    }

    private Answer Notice(string text, ChatCapabilities caps) => new(new FormattedReply(formatter.FormatNotice(text, caps)), "");

    /// <summary>The reply to send, with the run's buttons where the platform shows them.</summary>
    private static OutgoingReply Compose(Answer answer, ChatCapabilities caps, Conversation where, string? replyTo)
    {
        var reply = answer.Reply.To(where, replyTo);
        return caps.SupportsButtons && answer.SnippetId.Length > 0
            ? reply with { Buttons = ReplyButtons.For(answer.SnippetId, answer.Permalink) }
            : reply;
    }

    /// <param name="SnippetId">The run's snippet, or "" when the reply is a notice.</param>
    /// <param name="Permalink">The snippet's permalink, or "" for a notice.</param>
    private sealed record Answer(FormattedReply Reply, string SnippetId, string Permalink = "");
}

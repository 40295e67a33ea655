using CodeCube.Core.Attachments;
using CodeCube.Core.Chat;
using CodeCube.Core.Commands;
using CodeCube.Core.Contracts;
using CodeCube.Core.Interactions;
using CodeCube.Core.Moderation;

namespace CodeCube.Core.Pipeline;

/// <summary>
/// Interactions: the same commands and replies as messages, answered through the adapter's
/// <see cref="IInteractionResponder"/>. The one rule: platforms want a first answer within about 3 seconds, so
/// everything decided without I/O (parsing, quotas, permissions) is answered directly, and a run is acknowledged
/// before it starts, never after.
/// </summary>
public sealed partial class ChatPipeline
{
    /// <summary>How far back a Delete looks for the person who asked (Run again makes a child of the snippet).</summary>
    private const int MaxAncestors = 8;

    private async Task OnInteractionAsync(
        IChatAdapter adapter, IInteractionResponder responder, ChatEvent chatEvent, CancellationToken ct)
    {
        var interaction = chatEvent switch
        {
            RunInvoked e => e.Interaction,
            LanguageLookup e => e.Interaction,
            ButtonClicked e => e.Interaction,
            _ => null,
        };
        if (interaction is not null && await RefuseBannedAsync(adapter, responder, chatEvent, interaction, ct).ConfigureAwait(false))
        {
            return;
        }

        await DispatchInteractionAsync(adapter, responder, chatEvent, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// A banned person gets nothing from any surface (no run, form, suggestion or button); the answer is private,
    /// so it cannot spam a channel, and it is given every time, because platforms show an error for an interaction
    /// that goes unanswered.
    /// </summary>
    private async Task<bool> RefuseBannedAsync(
        IChatAdapter adapter, IInteractionResponder responder, ChatEvent chatEvent, Interaction interaction,
        CancellationToken ct)
    {
        var user = new PlatformUser(interaction.Where.Platform, interaction.User.Id);
        if (!await moderation.IsBannedAsync(user, ct).ConfigureAwait(false))
        {
            return false;
        }

        runMetrics.Refused("banned", adapter.Platform);
        logger.Refused(adapter.Platform, "", interaction.User.Id, "banned");
        if (chatEvent is LanguageLookup)
        {
            await responder.SuggestLanguagesAsync(interaction, [], ct).ConfigureAwait(false);
        }
        else
        {
            await responder.AnswerPrivatelyAsync(interaction, formatter.FormatNotice(Notices.Banned, adapter.Capabilities), ct)
                .ConfigureAwait(false);
        }

        return true;
    }

    private Task DispatchInteractionAsync(
        IChatAdapter adapter, IInteractionResponder responder, ChatEvent chatEvent, CancellationToken ct) =>
        chatEvent switch
        {
            RunInvoked invoked => OnRunInvokedAsync(adapter, responder, invoked, ct),
            LanguageLookup lookup => responder.SuggestLanguagesAsync(lookup.Interaction, SuggestLanguages(lookup.Typed), ct),
            ButtonClicked { Action: ReplyAction.RunAgain } click => OnRunAgainAsync(adapter, responder, click, ct),
            ButtonClicked { Action: ReplyAction.Delete } click => OnDeleteClickedAsync(adapter, responder, click, ct),
            _ => Task.CompletedTask,
        };

    private async Task OnRunInvokedAsync(
        IChatAdapter adapter, IInteractionResponder responder, RunInvoked invoked, CancellationToken ct)
    {
        var interaction = invoked.Interaction;
        var markup = adapter.Capabilities.Markup;
        var run = options.Value.Prefix + "run";
        var origin = "";
        Command command;
        switch (invoked.Ask)
        {
            case RunAsk.Fields { Code: null } fields:
                if (!languages.TryResolve(fields.Language.Trim(), out var language))
                {
                    command = parser.FromFields(fields.Language, "", "");
                    break;
                }

                if (!await responder.AskForCodeAsync(interaction, language.Id, ct).ConfigureAwait(false))
                {
                    await responder.AnswerPrivatelyAsync(interaction, formatter.FormatNotice(parser.Usage, adapter.Capabilities), ct)
                        .ConfigureAwait(false);
                }

                return;
            case RunAsk.Fields fields:
                command = parser.FromFields(fields.Language, fields.Code, fields.Stdin);
                break;
            case RunAsk.Text text:
                command = parser.Parse(run + " " + text.CommandText, null, markup);
                break;
            case RunAsk.Message target:
                // As if the person had replied to the message with a bare !run: its code block is the code, else
                // its attached file.
                command = parser.Parse(run, target.Target.Text, markup);
                if (command is not Command.Run && target.Target.Files is { Count: > 0 } files
                    && adapter is IFileSource source)
                {
                    command = await FromFileAsync(source, files[0], [], ct).ConfigureAwait(false);
                }

                origin = target.Target.MessageId;
                break;
            default:
                return;
        }

        await AnswerInteractionAsync(adapter, responder, interaction, command, parentId: null, origin, ct)
            .ConfigureAwait(false);
    }

    private async Task OnRunAgainAsync(
        IChatAdapter adapter, IInteractionResponder responder, ButtonClicked click, CancellationToken ct)
    {
        await AnswerInteractionAsync(adapter, responder, click.Interaction, new Command.RerunSnippet(click.SnippetId),
            parentId: null, click.Message.MessageId, ct).ConfigureAwait(false);
    }

    private async Task OnDeleteClickedAsync(
        IChatAdapter adapter, IInteractionResponder responder, ButtonClicked click, CancellationToken ct)
    {
        var interaction = click.Interaction;
        if (!interaction.CanManageMessages && !await AskedByAsync(click.SnippetId, interaction, ct).ConfigureAwait(false))
        {
            logger.Refused(adapter.Platform, click.Message.MessageId, interaction.User.Id, "delete by someone else");
            await responder.AnswerPrivatelyAsync(interaction, formatter.FormatNotice(Notices.OnlyAuthorDeletes, adapter.Capabilities), ct)
                .ConfigureAwait(false);
            return;
        }

        await responder.AcknowledgeAsync(interaction, ct).ConfigureAwait(false);
        await responder.RemoveMessageAsync(interaction, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Answers a command from an interaction: notices privately and at once; runs acknowledged first, then answered
    /// publicly with the run's buttons.
    /// </summary>
    private async Task AnswerInteractionAsync(
        IChatAdapter adapter, IInteractionResponder responder, Interaction interaction, Command command,
        string? parentId, string originMessageId, CancellationToken ct)
    {
        var caps = adapter.Capabilities;
        if (command is not (Command.Run or Command.RerunSnippet))
        {
            var text = command switch
            {
                Command.ParseError error => error.Message,
                Command.Help => Notices.Help(options.Value.Prefix, limits.Value.MaxCodeBytes),
                Command.Languages => Notices.Languages(languages, permalinks.LanguagesPage),
                _ => parser.Usage,
            };
            await responder.AnswerPrivatelyAsync(interaction, formatter.FormatNotice(text, caps), ct).ConfigureAwait(false);
            return;
        }

        await responder.AcknowledgeAsync(interaction, ct).ConfigureAwait(false);
        var asker = new IncomingMessage(interaction.Where, originMessageId, interaction.User, "", null, time.GetUtcNow());
        var answer = await AnswerAsync(adapter, asker, command, parentId, ct, interaction: true).ConfigureAwait(false);
        if (answer is null)
        {
            return;
        }

        if (answer.SnippetId.Length == 0)
        {
            await responder.AnswerPrivatelyAsync(interaction, answer.Reply.Text, ct).ConfigureAwait(false);
            return;
        }

        await responder.AnswerAsync(interaction, Compose(answer, caps, interaction.Where, replyTo: null), ct)
            .ConfigureAwait(false);
        chatMetrics.Replied(adapter.Platform, "answer");
    }

    /// <summary>True when the person asked for this run or for one it was run again from.</summary>
    private async Task<bool> AskedByAsync(string snippetId, Interaction interaction, CancellationToken ct)
    {
        var id = snippetId;
        for (var depth = 0; id is not null && depth < MaxAncestors; depth++)
        {
            var snippet = await snippets.GetAsync(id, ct).ConfigureAwait(false);
            if (snippet is null)
            {
                return false;
            }

            if (snippet.Author.Platform == interaction.Where.Platform && snippet.Author.UserId == interaction.User.Id)
            {
                return true;
            }

            id = snippet.ParentId;
        }

        return false;
    }

    /// <summary>Languages whose id or an alias starts with (then contains) what was typed; at most 25, as Discord allows.</summary>
    private List<LanguageChoice> SuggestLanguages(string typed)
    {
        const int MaxChoices = 25;
        var text = typed.Trim();
        bool Matches(LanguageInfo l, Func<string, bool> test) => test(l.Id) || l.Aliases.Any(test);
        var starts = languages.All.Where(l => Matches(l, n => n.StartsWith(text, StringComparison.OrdinalIgnoreCase)));
        var contains = languages.All.Where(l => Matches(l, n => n.Contains(text, StringComparison.OrdinalIgnoreCase)));
        return starts.OrderBy(l => l.Id, StringComparer.Ordinal)
            .Concat(contains.OrderBy(l => l.Id, StringComparer.Ordinal))
            .DistinctBy(l => l.Id)
            .Take(MaxChoices)
            .Select(l => new LanguageChoice($"{l.Id} {l.Version}", l.Id))
            .ToList();
    }
}

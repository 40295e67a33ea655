using System.Text.Json.Nodes;
using CodeCube.Adapters.Slack.Interactivity;
using CodeCube.Core.Chat;
using CodeCube.Core.Interactions;

namespace CodeCube.Adapters.Slack;

/// <summary>
/// Answers Slack interactions. The envelope (or HTTP request) was acknowledged on arrival, so there is nothing
/// to defer. A /run answer goes to the channel through the response_url (in_channel, which works even where the
/// bot is not a member); the shortcut answers in the message's thread; a button replaces or deletes the reply it
/// is on. Notes for one person are ephemeral. Slack has no code form here: /run takes the code in its text.
/// </summary>
internal sealed partial class SlackAdapter : IInteractionResponder
{
    public Task AcknowledgeAsync(Interaction interaction, CancellationToken ct) => Task.CompletedTask;

    public async Task AnswerAsync(Interaction interaction, OutgoingReply reply, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var slack = Of(interaction);
        if (slack.Kind == SlackInteractionKind.Shortcut || reply.Attachment is not null || slack.ResponseUrl is null)
        {
            // Files cannot travel through a response_url; they are uploaded to the conversation like any reply.
            await SendAsync(reply with { Where = slack.Where }, ct).ConfigureAwait(false);
            return;
        }

        var message = ResponseMessage(reply.Text);
        if (reply.Buttons is { Count: > 0 })
        {
            message["blocks"] = SlackBlocks.For(reply.Text, reply.Buttons);
        }

        if (slack.Kind == SlackInteractionKind.Button)
        {
            message["replace_original"] = true;
        }
        else
        {
            message["response_type"] = "in_channel";
        }

        await api.PostResponseAsync(slack.ResponseUrl, message, ct).ConfigureAwait(false);
    }

    public Task AnswerPrivatelyAsync(Interaction interaction, string text, CancellationToken ct)
    {
        var slack = Of(interaction);
        if (slack.ResponseUrl is null)
        {
            return Task.CompletedTask;
        }

        var message = ResponseMessage(text);
        message["response_type"] = "ephemeral";
        message["replace_original"] = false;
        return api.PostResponseAsync(slack.ResponseUrl, message, ct);
    }

    public Task<bool> AskForCodeAsync(Interaction interaction, string language, CancellationToken ct) => Task.FromResult(false);

    public Task SuggestLanguagesAsync(Interaction interaction, IReadOnlyList<LanguageChoice> choices, CancellationToken ct) =>
        Task.CompletedTask;

    public Task RemoveMessageAsync(Interaction interaction, CancellationToken ct)
    {
        var slack = Of(interaction);
        return slack.ResponseUrl is null
            ? Task.CompletedTask
            : api.PostResponseAsync(slack.ResponseUrl, new JsonObject { ["delete_original"] = true }, ct);
    }

    private static JsonObject ResponseMessage(string text) => new()
    {
        ["text"] = SlackText.Cut(text),
        ["parse"] = "none",
        ["unfurl_links"] = false,
        ["unfurl_media"] = false,
    };

    private static SlackInteraction Of(Interaction interaction) =>
        interaction as SlackInteraction ?? throw new ArgumentException("not a Slack interaction", nameof(interaction));
}

using System.Text.Json.Nodes;
using CodeCube.Adapters.Discord.Rest;
using CodeCube.Core.Chat;
using CodeCube.Core.Interactions;

namespace CodeCube.Adapters.Discord.Interactions;

/// <summary>
/// Answers interactions with the callback types of receiving-and-responding: 4 (message), 5 (deferred message),
/// 6 (deferred update, for buttons), 8 (autocomplete), 9 (modal); later answers edit @original. Every message
/// carries allowed_mentions parse [] like any other reply.
/// </summary>
internal sealed class DiscordInteractionResponder(DiscordRestClient rest) : IInteractionResponder
{
    private const int ChannelMessage = 4;
    private const int DeferredChannelMessage = 5;
    private const int DeferredUpdateMessage = 6;
    private const int AutocompleteResult = 8;
    private const int Modal = 9;
    private const int Ephemeral = 1 << 6;

    /// <summary>Discord's cap on a text input's value.</summary>
    private const int MaxTextInput = 4000;

    public Task AcknowledgeAsync(Interaction interaction, CancellationToken ct)
    {
        var d = Of(interaction);
        return d.TryClaimInitialResponse()
            ? rest.InteractionCallbackAsync(d.Id, d.Token, Callback(
                d.Kind == DiscordInteractionKind.Component ? DeferredUpdateMessage : DeferredChannelMessage), ct)
            : Task.CompletedTask;
    }

    public async Task AnswerAsync(Interaction interaction, OutgoingReply reply, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var d = Of(interaction);
        await AcknowledgeAsync(d, ct).ConfigureAwait(false);
        var payload = DiscordMessagePayloads.Edit(reply.Text, reply.Attachment);
        payload["components"] = DiscordComponents.For(reply.Buttons);
        await rest.EditOriginalAsync(d.ApplicationId, d.Token, payload, reply.Attachment, ct).ConfigureAwait(false);
    }

    public async Task AnswerPrivatelyAsync(Interaction interaction, string text, CancellationToken ct)
    {
        var d = Of(interaction);
        var message = DiscordMessagePayloads.Edit(text, file: null);
        if (d.TryClaimInitialResponse())
        {
            message["flags"] = Ephemeral;
            await rest.InteractionCallbackAsync(d.Id, d.Token, Callback(ChannelMessage, message), ct).ConfigureAwait(false);
        }
        else if (d.Kind == DiscordInteractionKind.Component)
        {
            // The deferred update left the reply as it was; the note goes beside it, to the clicker only.
            message["flags"] = Ephemeral;
            await rest.FollowupAsync(d.ApplicationId, d.Token, message, ct).ConfigureAwait(false);
        }
        else
        {
            // A deferred command shows "thinking…" to everyone until @original is edited; the note replaces it.
            message["components"] = new JsonArray();
            await rest.EditOriginalAsync(d.ApplicationId, d.Token, message, null, ct).ConfigureAwait(false);
        }
    }

    public async Task<bool> AskForCodeAsync(Interaction interaction, string language, CancellationToken ct)
    {
        var d = Of(interaction);
        if (!DiscordCodeForm.TryCustomId(language, out var customId) || !d.TryClaimInitialResponse())
        {
            return false;
        }

        var modal = new JsonObject
        {
            ["custom_id"] = customId,
            ["title"] = DiscordCodeForm.Title(language),
            ["components"] = new JsonArray(
                TextInput(DiscordCodeForm.CodeField, "Code", required: true),
                TextInput(DiscordCodeForm.StdinField, "Input (stdin)", required: false)),
        };
        await rest.InteractionCallbackAsync(d.Id, d.Token, Callback(Modal, modal), ct).ConfigureAwait(false);
        return true;
    }

    public Task SuggestLanguagesAsync(Interaction interaction, IReadOnlyList<LanguageChoice> choices, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var d = Of(interaction);
        if (!d.TryClaimInitialResponse())
        {
            return Task.CompletedTask;
        }

        var list = new JsonArray();
        foreach (var choice in choices.Take(25))
        {
            list.Add(new JsonObject { ["name"] = Clip(choice.Name, 100), ["value"] = Clip(choice.Value, 100) });
        }

        return rest.InteractionCallbackAsync(d.Id, d.Token, Callback(AutocompleteResult, new JsonObject { ["choices"] = list }), ct);
    }

    public Task RemoveMessageAsync(Interaction interaction, CancellationToken ct)
    {
        var d = Of(interaction);
        return rest.DeleteOriginalAsync(d.ApplicationId, d.Token, ct);
    }

    private static JsonObject Callback(int type, JsonObject? data = null)
    {
        var body = new JsonObject { ["type"] = type };
        if (data is not null)
        {
            body["data"] = data;
        }

        return body;
    }

    private static JsonObject TextInput(string customId, string label, bool required) => new()
    {
        ["type"] = 1,
        ["components"] = new JsonArray(new JsonObject
        {
            ["type"] = 4,
            ["custom_id"] = customId,
            ["label"] = label,
            ["style"] = 2,
            ["required"] = required,
            ["max_length"] = MaxTextInput,
        }),
    };

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max];

    private static DiscordInteraction Of(Interaction interaction) =>
        interaction as DiscordInteraction
        ?? throw new ArgumentException("not a Discord interaction", nameof(interaction));
}

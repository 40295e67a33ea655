using CodeCube.Core.Chat;

namespace CodeCube.Core.Interactions;

/// <summary>
/// A person acting on one of the app's own surfaces (a slash command, a message command or shortcut, a button on a
/// reply, a form) rather than writing a message. It is answered through the adapter's
/// <see cref="IInteractionResponder"/>; adapters derive from this record to carry what their protocol needs to
/// answer (tokens, response URLs), which the pipeline never looks at.
/// </summary>
/// <param name="Where">Where the answer appears.</param>
/// <param name="User">Who acted.</param>
/// <param name="CanManageMessages">The platform says this person may delete others' messages here.</param>
public abstract record Interaction(Conversation Where, ChatUser User, bool CanManageMessages);

/// <summary>What a run command asks for; the pipeline turns each into a <c>Command</c> with the usual parser.</summary>
public abstract record RunAsk
{
    private RunAsk()
    {
    }

    /// <summary>Free text with the same syntax as after <c>!run</c> (Slack's <c>/run py print(1)</c>).</summary>
    public sealed record Text(string CommandText) : RunAsk;

    /// <summary>Separate fields (Discord's /run options, a submitted form). No <see cref="Code"/>: ask for it.</summary>
    public sealed record Fields(string Language, string? Code, string Stdin) : RunAsk;

    /// <summary>Run the code block(s) of another message (Discord's "Run code", Slack's shortcut).</summary>
    public sealed record Message(IncomingMessage Target) : RunAsk;
}

/// <summary>A run command from an app surface: /run, a message command, or a submitted code form.</summary>
public sealed record RunInvoked(Interaction Interaction, RunAsk Ask) : ChatEvent;

/// <summary>Someone is typing the language option; answer with <see cref="IInteractionResponder.SuggestLanguagesAsync"/>.</summary>
public sealed record LanguageLookup(Interaction Interaction, string Typed) : ChatEvent;

/// <summary>A click on one of the buttons the pipeline put on a run reply.</summary>
/// <param name="Message">The reply the button is on.</param>
public sealed record ButtonClicked(Interaction Interaction, ReplyAction Action, string SnippetId, SentMessage Message)
    : ChatEvent;

/// <summary>What a reply button does when clicked.</summary>
public enum ReplyAction
{
    /// <summary>Run the snippet again and show the new result in place of the reply.</summary>
    RunAgain,

    /// <summary>Delete the reply (its author, or someone who may manage messages).</summary>
    Delete,

    /// <summary>Open the permalink; a plain link, handled by the platform without a round trip.</summary>
    Open,
}

/// <summary>
/// A button on a reply. <see cref="Value"/> is the snippet id for <see cref="ReplyAction.RunAgain"/> and
/// <see cref="ReplyAction.Delete"/>, the permalink URL for <see cref="ReplyAction.Open"/>.
/// </summary>
public sealed record ReplyButton(ReplyAction Action, string Label, string Value);

/// <summary>A language offered while the user types: what is shown and what is sent back.</summary>
public sealed record LanguageChoice(string Name, string Value);

/// <summary>
/// Answers interactions. Implemented by adapters whose platform has them; every method must return quickly
/// (platforms give about 3 seconds for the first answer).
/// </summary>
public interface IInteractionResponder
{
    /// <summary>Says at once that an answer is coming (Discord's deferred response); a later answer completes it.</summary>
    Task AcknowledgeAsync(Interaction interaction, CancellationToken ct);

    /// <summary>
    /// The answer everyone sees: in the conversation for a command, in place of the reply for a button.
    /// </summary>
    Task AnswerAsync(Interaction interaction, OutgoingReply reply, CancellationToken ct);

    /// <summary>
    /// A short note only the person who acted sees, where the platform allows it (errors, refusals);
    /// <paramref name="text"/> is already formatted for the platform.
    /// </summary>
    Task AnswerPrivatelyAsync(Interaction interaction, string text, CancellationToken ct);

    /// <summary>Opens a form asking for code and input in <paramref name="language"/>; false when there are no forms.</summary>
    Task<bool> AskForCodeAsync(Interaction interaction, string language, CancellationToken ct);

    /// <summary>Offers languages for the option being typed.</summary>
    Task SuggestLanguagesAsync(Interaction interaction, IReadOnlyList<LanguageChoice> choices, CancellationToken ct);

    /// <summary>Deletes the message the interaction's button is on.</summary>
    Task RemoveMessageAsync(Interaction interaction, CancellationToken ct);
}

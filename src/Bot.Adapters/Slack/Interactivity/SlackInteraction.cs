using CodeCube.Core.Chat;
using CodeCube.Core.Interactions;

namespace CodeCube.Adapters.Slack.Interactivity;

/// <summary>Where a Slack interaction came from, which decides how it is answered.</summary>
internal enum SlackInteractionKind
{
    /// <summary>A slash command: answered in the channel through its response_url.</summary>
    SlashCommand,

    /// <summary>The message shortcut: answered in the message's thread.</summary>
    Shortcut,

    /// <summary>A button on one of our replies: the reply is replaced or deleted through the response_url.</summary>
    Button,
}

/// <summary>A Slack interaction and its response_url (valid for 30 minutes, 5 uses).</summary>
internal sealed record SlackInteraction(Conversation Where, ChatUser User, Uri? ResponseUrl, SlackInteractionKind Kind)
    : Interaction(Where, User, CanManageMessages: false);

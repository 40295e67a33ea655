using CodeCube.Core.Chat;
using CodeCube.Core.Interactions;

namespace CodeCube.Adapters.Discord.Interactions;

/// <summary>The interaction types of receiving-and-responding that reach a bot over the gateway.</summary>
internal enum DiscordInteractionKind
{
    Command = 2,
    Component = 3,
    Autocomplete = 4,
    ModalSubmit = 5,
}

/// <summary>An interaction and what answering it needs: its id and token, good for 15 minutes.</summary>
internal sealed record DiscordInteraction(
    Conversation Where, ChatUser User, bool CanManageMessages, string Id, string Token, string ApplicationId,
    DiscordInteractionKind Kind) : Interaction(Where, User, CanManageMessages)
{
    private int _responded;

    /// <summary>Claims the one initial response Discord accepts; false when it was already sent.</summary>
    public bool TryClaimInitialResponse() => Interlocked.Exchange(ref _responded, 1) == 0;
}

using System.Collections.Concurrent;
using CodeCube.Core.Chat;
using CodeCube.Core.Interactions;

namespace CodeCube.Core.Tests.Fakes;

/// <summary>A platform with interactions but no forms (like Slack): records every answer in order.</summary>
internal sealed class FakeInteractiveAdapter(ChatCapabilities capabilities) : IChatAdapter, IInteractionResponder
{
    public string Platform => "slack";

    public ChatCapabilities Capabilities { get; } = capabilities;

    public ConcurrentQueue<(string Kind, Interaction Interaction, object? Detail)> Answers { get; } = new();

    public IAsyncEnumerable<ChatEvent> ReadEventsAsync(CancellationToken ct) => throw new NotSupportedException();

    public Task<SentMessage> SendAsync(OutgoingReply reply, CancellationToken ct) => throw new NotSupportedException();

    public Task EditAsync(SentMessage sent, OutgoingReply reply, CancellationToken ct) => throw new NotSupportedException();

    public Task DeleteAsync(SentMessage sent, CancellationToken ct) => throw new NotSupportedException();

    public Task AcknowledgeAsync(Interaction interaction, CancellationToken ct) => Record("ack", interaction, null);

    public Task AnswerAsync(Interaction interaction, OutgoingReply reply, CancellationToken ct) => Record("answer", interaction, reply);

    public Task AnswerPrivatelyAsync(Interaction interaction, string text, CancellationToken ct) => Record("private", interaction, text);

    public Task<bool> AskForCodeAsync(Interaction interaction, string language, CancellationToken ct) => Task.FromResult(false);

    public Task SuggestLanguagesAsync(Interaction interaction, IReadOnlyList<LanguageChoice> choices, CancellationToken ct) =>
        Record("suggest", interaction, choices);

    public Task RemoveMessageAsync(Interaction interaction, CancellationToken ct) => Record("remove", interaction, null);

    private Task Record(string kind, Interaction interaction, object? detail)
    {
        Answers.Enqueue((kind, interaction, detail));
        return Task.CompletedTask;
    }
}

internal sealed record FakeInteraction(Conversation Where, ChatUser User, bool CanManageMessages = false)
    : Interaction(Where, User, CanManageMessages);

using System.Runtime.CompilerServices;
using System.Text;
using System.Threading.Channels;
using CodeCube.Adapters.Discord.Gateway;
using CodeCube.Adapters.Discord.Interactions;
using CodeCube.Adapters.Discord.Rest;
using CodeCube.Core.Attachments;
using CodeCube.Core.Chat;
using CodeCube.Core.Interactions;
using Microsoft.Extensions.Logging;

namespace CodeCube.Adapters.Discord;

/// <summary>
/// Discord over gateway v10 (events and interactions in) and REST v10 (replies out); interactions are answered by
/// <see cref="DiscordInteractionResponder"/>, and the commands are registered at READY.
/// </summary>
internal sealed class DiscordAdapter(
    DiscordGatewayClient gateway,
    DiscordRestClient rest,
    DiscordInteractionResponder interactions,
    DiscordCommandRegistrar commands,
    DiscordAttachments attachments,
    ILogger<DiscordAdapter> logger)
    : IChatAdapter, IInteractionResponder, IFileSource
{
    public const string PlatformName = "discord";

    // MaxLineBytes: Discord has no per-line limit; one line may fill a whole message (2000 chars, 4 bytes each).
    private static readonly ChatCapabilities DiscordCapabilities = new(
        TextMarkup.DiscordMarkdown, MaxMessageChars: 2000, MaxOutputLines: 20, MaxLineBytes: 8000,
        SupportsEdits: true, SupportsUploads: true, SupportsThreads: false, SupportsButtons: true);

    private readonly DiscordEventTranslator _translator = new(() => gateway.Session.UserId);

    public string Platform => PlatformName;

    public ChatCapabilities Capabilities => DiscordCapabilities;

    /// <summary>Set when the gateway refused us for good (bad token, disallowed intents, ...).</summary>
    public ConnectionEnd? StoppedBecause { get; private set; }

    public async IAsyncEnumerable<ChatEvent> ReadEventsAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var events = Channel.CreateBounded<ChatEvent>(
            new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true, SingleWriter = true });
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var pump = PumpAsync(events.Writer, cts.Token);
        try
        {
            await foreach (var chatEvent in events.Reader.ReadAllAsync(ct).ConfigureAwait(false))
            {
                yield return chatEvent;
            }
        }
        finally
        {
            await cts.CancelAsync().ConfigureAwait(false);
            await pump.ConfigureAwait(false);
            await commands.Idle.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    public async Task<SentMessage> SendAsync(OutgoingReply reply, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var (text, file) = Fit(reply);
        var id = await rest.CreateMessageAsync(ChannelOf(reply.Where), text, reply.ReplyToMessageId, file, reply.Buttons, ct)
            .ConfigureAwait(false);
        return new SentMessage(reply.Where, id);
    }

    public Task EditAsync(SentMessage sent, OutgoingReply reply, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(sent);
        ArgumentNullException.ThrowIfNull(reply);
        var (text, file) = Fit(reply);
        return rest.EditMessageAsync(ChannelOf(sent.Where), sent.MessageId, text, file, reply.Buttons, ct);
    }

    public Task DeleteAsync(SentMessage sent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(sent);
        return rest.DeleteMessageAsync(ChannelOf(sent.Where), sent.MessageId, ct);
    }

    public Task IndicateProgressAsync(Conversation where, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(where);
        return rest.TriggerTypingAsync(ChannelOf(where), ct);
    }

    public Task AcknowledgeAsync(Interaction interaction, CancellationToken ct) => interactions.AcknowledgeAsync(interaction, ct);

    public Task AnswerAsync(Interaction interaction, OutgoingReply reply, CancellationToken ct) =>
        interactions.AnswerAsync(interaction, reply, ct);

    public Task AnswerPrivatelyAsync(Interaction interaction, string text, CancellationToken ct) =>
        interactions.AnswerPrivatelyAsync(interaction, text, ct);

    public Task<bool> AskForCodeAsync(Interaction interaction, string language, CancellationToken ct) =>
        interactions.AskForCodeAsync(interaction, language, ct);

    public Task SuggestLanguagesAsync(Interaction interaction, IReadOnlyList<LanguageChoice> choices, CancellationToken ct) =>
        interactions.SuggestLanguagesAsync(interaction, choices, ct);

    public Task RemoveMessageAsync(Interaction interaction, CancellationToken ct) => interactions.RemoveMessageAsync(interaction, ct);

    public Task<FileDownload> DownloadAsync(ChatFile file, long maxBytes, CancellationToken ct) =>
        attachments.DownloadAsync(file, maxBytes, ct);

    private static string? ApplicationId(System.Text.Json.JsonElement ready) =>
        ready.TryGetProperty("application", out var app) && app.TryGetProperty("id", out var id)
        && id.ValueKind == System.Text.Json.JsonValueKind.String ? id.GetString() : null;

    private static string ChannelOf(Conversation where) => where.ThreadId ?? where.ChannelId;

    /// <summary>
    /// The formatter keeps text within 2000 characters; should it not, Discord would reject the message (50035),
    /// so the text travels as a file instead of being lost.
    /// </summary>
    private (string Text, ReplyAttachment? File) Fit(OutgoingReply reply)
    {
        if (reply.Attachment is not null || reply.Text.Length <= DiscordCapabilities.MaxMessageChars)
        {
            return (reply.Text, reply.Attachment);
        }

        logger.OversizedReply(reply.Text.Length, DiscordCapabilities.MaxMessageChars);
        var file = new ReplyAttachment("output.txt", "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(reply.Text));
        return ("The reply is too long for one message; it is attached.", file);
    }

    private async Task PumpAsync(ChannelWriter<ChatEvent> writer, CancellationToken ct)
    {
        try
        {
            StoppedBecause = await gateway.RunAsync(
                async (dispatch, token) =>
                {
                    if (dispatch.Type == "READY" && ApplicationId(dispatch.Data) is { } application)
                    {
                        commands.OnReady(application, ct);
                    }

                    if (_translator.Translate(dispatch) is { } chatEvent)
                    {
                        await writer.WriteAsync(chatEvent, token).ConfigureAwait(false);
                    }
                },
                ct).ConfigureAwait(false);
            writer.TryComplete();
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            writer.TryComplete();
        }
        catch (Exception ex)
        {
            // A bug, not an expected failure: the reader sees it.
            writer.TryComplete(ex);
        }
    }
}

using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using CodeCube.Adapters.Slack.Interactivity;
using CodeCube.Core.Attachments;
using CodeCube.Core.Chat;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CodeCube.Adapters.Slack;

/// <summary>
/// Slack as an <see cref="IChatAdapter"/>: events from Socket Mode or the Events API endpoint, replies through
/// the Web API in the message's thread. Text arrives escaped by the formatter and is sent as is.
/// </summary>
internal sealed partial class SlackAdapter(SlackWebApi api, SlackSocketModeClient socketMode, SlackInbox inbox,
    SlackUploads uploads, SlackFiles files, IOptions<SlackOptions> options, TimeProvider time, ILogger<SlackAdapter> logger)
    : IChatAdapter, IFileSource
{
    private readonly SlackEventDeduplicator _dedupe = new(time);
    private readonly SlackReplacements _replacements = new();

    public string Platform => SlackEventTranslator.Platform;

    public ChatCapabilities Capabilities { get; } = new(
        TextMarkup.SlackMrkdwn, MaxMessageChars: SlackBlocks.MaxSectionChars, MaxOutputLines: 30, MaxLineBytes: SlackText.MaxSendChars,
        SupportsEdits: true, SupportsUploads: true, SupportsThreads: true, SupportsButtons: true);

    public async IAsyncEnumerable<ChatEvent> ReadEventsAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var self = await IdentifyAsync(ct).ConfigureAwait(false);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var transport = options.Value.Mode == SlackMode.SocketMode
            ? RunSocketModeAsync(stop)
            : Task.CompletedTask;
        try
        {
            while (true)
            {
                JsonElement payload;
                try
                {
                    payload = await inbox.Reader.ReadAsync(stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                if (payload.TryGetProperty("event_id", out var id) && id.ValueKind == JsonValueKind.String
                    && !_dedupe.TryFirstSeen(id.GetString()!))
                {
                    logger.DuplicateEvent(id.GetString()!);
                    continue;
                }

                if ((SlackEventTranslator.Translate(payload, self) ?? SlackInteractionTranslator.Translate(payload))
                    is { } chatEvent)
                {
                    yield return chatEvent;
                }
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await transport.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        // A transport that stopped on its own did so for a reason no reconnect fixes (revoked token, ...).
        if (!ct.IsCancellationRequested && transport.IsFaulted)
        {
            await transport.ConfigureAwait(false);
        }

        ct.ThrowIfCancellationRequested();
    }

    public async Task<SentMessage> SendAsync(OutgoingReply reply, CancellationToken ct)
    {
        var thread = reply.Where.ThreadId ?? reply.ReplyToMessageId;
        if (reply.Attachment is { } file)
        {
            var fileId = await uploads.UploadAsync(reply.Where.ChannelId, thread, reply.Text, file, ct)
                .ConfigureAwait(false);
            return new SentMessage(reply.Where, SlackReplacements.FilePrefix + fileId);
        }

        var body = MessageBody(reply.Where.ChannelId, reply.Text);
        if (reply.Buttons is { Count: > 0 })
        {
            body["blocks"] = SlackBlocks.For(reply.Text, reply.Buttons);
        }

        if (thread is not null)
        {
            body["thread_ts"] = thread;
        }

        body["unfurl_links"] = false;
        body["unfurl_media"] = false;
        var posted = await api.CallJsonAsync("chat.postMessage", body, ct).ConfigureAwait(false);
        return new SentMessage(reply.Where, posted.GetProperty("ts").GetString()!);
    }

    public async Task EditAsync(SentMessage sent, OutgoingReply reply, CancellationToken ct)
    {
        var current = _replacements.Resolve(sent.MessageId);
        if (reply.Attachment is null && !SlackReplacements.IsFile(current))
        {
            var body = MessageBody(sent.Where.ChannelId, reply.Text);
            body["ts"] = current;
            // Always set: without it Slack keeps the old blocks, and so the old run's text and buttons.
            body["blocks"] = SlackBlocks.For(reply.Text, reply.Buttons);
            await api.CallJsonAsync("chat.update", body, ct).ConfigureAwait(false);
            return;
        }

        // A file share cannot be edited and a message cannot gain a file: replace it, and remember the new id so
        // later edits and the delete reach what is now shown.
        await DeleteResolvedAsync(sent.Where.ChannelId, current, ct).ConfigureAwait(false);
        var replacement = await SendAsync(reply with { Where = sent.Where }, ct).ConfigureAwait(false);
        _replacements.Replace(sent.MessageId, replacement.MessageId);
    }

    public Task<FileDownload> DownloadAsync(ChatFile file, long maxBytes, CancellationToken ct) =>
        files.DownloadAsync(file, maxBytes, ct);

    public Task DeleteAsync(SentMessage sent, CancellationToken ct) =>
        DeleteResolvedAsync(sent.Where.ChannelId, _replacements.Resolve(sent.MessageId), ct);

    private async Task DeleteResolvedAsync(string channel, string id, CancellationToken ct)
    {
        try
        {
            if (SlackReplacements.IsFile(id))
            {
                await api.CallJsonAsync("files.delete", new JsonObject { ["file"] = id[SlackReplacements.FilePrefix.Length..] }, ct)
                    .ConfigureAwait(false);
            }
            else
            {
                await api.CallJsonAsync("chat.delete", new JsonObject { ["channel"] = channel, ["ts"] = id }, ct)
                    .ConfigureAwait(false);
            }
        }
        catch (SlackApiException e) when (e.Error is "message_not_found" or "file_not_found" or "file_deleted")
        {
            logger.AlreadyGone(id);
        }
    }

    private static JsonObject MessageBody(string channel, string text) => new()
    {
        ["channel"] = channel,
        ["text"] = SlackText.Cut(text),
        // Never let Slack turn plain words into mentions or links: the formatter's escaping is the whole story.
        ["parse"] = "none",
        ["link_names"] = false,
    };

    private async Task<SlackIdentity> IdentifyAsync(CancellationToken ct)
    {
        try
        {
            var me = await api.CallJsonAsync("auth.test", [], ct).ConfigureAwait(false);
            var identity = new SlackIdentity(me.GetProperty("user_id").GetString()!,
                me.TryGetProperty("bot_id", out var bot) ? bot.GetString() : null);
            logger.Identified(identity.UserId, identity.BotId ?? "-");
            return identity;
        }
        catch (SlackApiException e) when (e.IsFatal)
        {
            throw new InvalidOperationException(
                $"Slack rejected Slack:BotToken ({e.Error}); check the token and the app's installation.", e);
        }
    }

    private async Task RunSocketModeAsync(CancellationTokenSource stop)
    {
        try
        {
            await socketMode.RunAsync(stop.Token).ConfigureAwait(false);
        }
        finally
        {
            // Wakes the reader loop so a fatal transport error surfaces instead of a silent hang.
            await stop.CancelAsync().ConfigureAwait(false);
        }
    }
}

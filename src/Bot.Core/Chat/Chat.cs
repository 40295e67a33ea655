using CodeCube.Core.Attachments;
using CodeCube.Core.Interactions;

namespace CodeCube.Core.Chat;

/// <summary>A place messages are exchanged: a channel, a DM, optionally a thread in it.</summary>
public sealed record Conversation(string Platform, string ChannelId, string? ThreadId = null, bool IsDirect = false);

public sealed record ChatUser(string Id, string DisplayName, bool IsBot = false);

/// <summary>
/// A chat message as an adapter read it; Text is already decoded from platform markup. <see cref="Files"/> are the
/// attachments the event announced (fetched through the adapter's IFileSource, if at all).
/// </summary>
public sealed record IncomingMessage(
    Conversation Where,
    string MessageId,
    ChatUser Author,
    string Text,
    string? RepliedToText,
    DateTimeOffset SentAt,
    IReadOnlyList<ChatFile>? Files = null);

/// <summary>What adapters report.</summary>
public abstract record ChatEvent;

public sealed record MessageCreated(IncomingMessage Message) : ChatEvent;

public sealed record MessageEdited(IncomingMessage Message) : ChatEvent;

public sealed record MessageDeleted(Conversation Where, string MessageId) : ChatEvent;

/// <summary>How a platform renders text, which decides how output is escaped.</summary>
public enum TextMarkup
{
    /// <summary>IRC: plain lines, no markup; control characters must never be sent.</summary>
    Plain,
    /// <summary>Discord markdown: code fences, mentions like @everyone and &lt;@id&gt;.</summary>
    DiscordMarkdown,
    /// <summary>Slack mrkdwn: &amp; &lt; &gt; escaped, fences without language tags.</summary>
    SlackMrkdwn,
}

/// <summary>What a platform can show; the reply formatter is a pure function of this and the result.</summary>
public sealed record ChatCapabilities(
    TextMarkup Markup,
    int MaxMessageChars,
    int MaxOutputLines,
    int MaxLineBytes,
    bool SupportsEdits,
    bool SupportsUploads,
    bool SupportsThreads,
    bool SupportsButtons = false);

/// <summary>A file to attach (long output).</summary>
public sealed record ReplyAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>
/// A finished reply. For <see cref="TextMarkup.Plain"/> platforms <see cref="Text"/> is a list of lines joined
/// by '\n', each already within <see cref="ChatCapabilities.MaxLineBytes"/>. <see cref="Buttons"/> are only set for
/// platforms with <see cref="ChatCapabilities.SupportsButtons"/>.
/// </summary>
public sealed record OutgoingReply(
    Conversation Where,
    string Text,
    string? ReplyToMessageId = null,
    ReplyAttachment? Attachment = null,
    IReadOnlyList<ReplyButton>? Buttons = null);

/// <summary>A message we sent, so it can be edited or deleted later.</summary>
public sealed record SentMessage(Conversation Where, string MessageId);

/// <summary>A chat platform connection. Adapters translate; they do not parse commands or format output.</summary>
public interface IChatAdapter
{
    string Platform { get; }

    ChatCapabilities Capabilities { get; }

    /// <summary>Connects (and reconnects) and yields events until <paramref name="ct"/> is cancelled.</summary>
    IAsyncEnumerable<ChatEvent> ReadEventsAsync(CancellationToken ct);

    Task<SentMessage> SendAsync(OutgoingReply reply, CancellationToken ct);

    Task EditAsync(SentMessage sent, OutgoingReply reply, CancellationToken ct);

    Task DeleteAsync(SentMessage sent, CancellationToken ct);

    /// <summary>Shows that a run is in progress (typing indicator); a no-op where the platform has none.</summary>
    Task IndicateProgressAsync(Conversation where, CancellationToken ct) => Task.CompletedTask;
}

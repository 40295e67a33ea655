using Microsoft.Extensions.Logging;

namespace CodeCube.Core.Pipeline;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "{Platform}: run {SnippetId} ({Language}, {Outcome}, {WallMs} ms, cached {FromCache}) for message {MessageId}")]
    public static partial void Ran(ILogger logger, string platform, string snippetId, string language, string outcome, long wallMs, bool fromCache, string messageId);

    [LoggerMessage(2, LogLevel.Error, "{Platform}: running message {MessageId} failed")]
    public static partial void RunFailed(ILogger logger, Exception exception, string platform, string messageId);

    [LoggerMessage(3, LogLevel.Error, "{Platform}: handling {EventKind} failed")]
    public static partial void EventFailed(ILogger logger, Exception exception, string platform, string eventKind);

    [LoggerMessage(4, LogLevel.Warning, "{Platform}: progress indicator failed")]
    public static partial void ProgressFailed(ILogger logger, Exception exception, string platform);

    [LoggerMessage(5, LogLevel.Information, "{Platform}: refused message {MessageId} from {UserId}: {Reason}")]
    public static partial void Refused(ILogger logger, string platform, string messageId, string userId, string reason);

    [LoggerMessage(6, LogLevel.Warning, "{Platform}: deleting reply {ReplyId} failed")]
    public static partial void DeleteFailed(ILogger logger, Exception exception, string platform, string replyId);

    [LoggerMessage(10, LogLevel.Information, "Chat host started: {Adapters} adapter(s), {Workers} worker(s)")]
    public static partial void HostStarted(ILogger logger, int adapters, int workers);

    [LoggerMessage(11, LogLevel.Error, "{Platform}: event stream failed; restarting in {Delay}")]
    public static partial void PumpFailed(ILogger logger, Exception exception, string platform, TimeSpan delay);

    [LoggerMessage(12, LogLevel.Information, "Chat host stopping: draining queued events for up to {Timeout}")]
    public static partial void Draining(ILogger logger, TimeSpan timeout);

    [LoggerMessage(13, LogLevel.Warning, "{Platform}: event {EventKind} cancelled (timeout or shutdown)")]
    public static partial void EventCancelled(ILogger logger, string platform, string eventKind);

    [LoggerMessage(14, LogLevel.Information, "Chat host stopped")]
    public static partial void HostStopped(ILogger logger);
}

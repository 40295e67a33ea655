using Microsoft.Extensions.Logging;

namespace CodeCube.Core.Pipeline;

internal static partial class PipelineLog
{
    [LoggerMessage(1001, LogLevel.Information, "{Platform}: run {SnippetId} ({Language}, {Outcome}, {WallMs} ms, cached {FromCache}) for message {MessageId}")]
    public static partial void Ran(this ILogger logger, string platform, string snippetId, string language, string outcome, long wallMs, bool fromCache, string messageId);

    [LoggerMessage(1002, LogLevel.Error, "{Platform}: running message {MessageId} failed")]
    public static partial void RunFailed(this ILogger logger, Exception exception, string platform, string messageId);

    [LoggerMessage(1003, LogLevel.Error, "{Platform}: handling {EventKind} failed")]
    public static partial void EventFailed(this ILogger logger, Exception exception, string platform, string eventKind);

    [LoggerMessage(1004, LogLevel.Warning, "{Platform}: progress indicator failed")]
    public static partial void ProgressFailed(this ILogger logger, Exception exception, string platform);

    [LoggerMessage(1005, LogLevel.Information, "{Platform}: refused message {MessageId} from {UserId}: {Reason}")]
    public static partial void Refused(this ILogger logger, string platform, string messageId, string userId, string reason);

    [LoggerMessage(1006, LogLevel.Warning, "{Platform}: deleting reply {ReplyId} failed")]
    public static partial void DeleteFailed(this ILogger logger, Exception exception, string platform, string replyId);

    [LoggerMessage(1010, LogLevel.Information, "Chat host started: {Adapters} adapter(s), {Workers} worker(s)")]
    public static partial void HostStarted(this ILogger logger, int adapters, int workers);

    [LoggerMessage(1011, LogLevel.Error, "{Platform}: event stream failed; restarting in {Delay}")]
    public static partial void PumpFailed(this ILogger logger, Exception exception, string platform, TimeSpan delay);

    [LoggerMessage(1012, LogLevel.Information, "Chat host stopping: draining queued events for up to {Timeout}")]
    public static partial void Draining(this ILogger logger, TimeSpan timeout);

    [LoggerMessage(1013, LogLevel.Warning, "{Platform}: event {EventKind} cancelled (timeout or shutdown)")]
    public static partial void EventCancelled(this ILogger logger, string platform, string eventKind);

    [LoggerMessage(1014, LogLevel.Information, "Chat host stopped")]
    public static partial void HostStopped(this ILogger logger);

    [LoggerMessage(1015, LogLevel.Error, "Snippet {SnippetId} could not be stored; the run is answered without a permalink")]
    public static partial void SaveFailed(this ILogger logger, Exception exception, string snippetId);
}

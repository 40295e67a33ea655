using Microsoft.Extensions.Logging;

namespace CodeCube.Adapters.Slack;

internal static partial class SlackLog
{
    [LoggerMessage(5001, LogLevel.Information, "Slack: signed in as user {UserId} (bot {BotId})")]
    public static partial void Identified(this ILogger logger, string userId, string botId);

    [LoggerMessage(5002, LogLevel.Debug, "Slack event {EventId} seen before; dropped")]
    public static partial void DuplicateEvent(this ILogger logger, string eventId);

    [LoggerMessage(5003, LogLevel.Information, "Slack message {Id} was already gone")]
    public static partial void AlreadyGone(this ILogger logger, string id);

    [LoggerMessage(5004, LogLevel.Information, "Slack Socket Mode connected to {Host}")]
    public static partial void SocketConnected(this ILogger logger, string host);

    [LoggerMessage(5005, LogLevel.Information, "Slack asked to reconnect ({Reason}); opening the next socket")]
    public static partial void SocketRefreshing(this ILogger logger, string reason);

    [LoggerMessage(5006, LogLevel.Warning, "Slack Socket Mode connect failed; retrying in {Delay}")]
    public static partial void SocketConnectFailed(this ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(5007, LogLevel.Warning, "Slack socket closed without notice; reconnecting in {Delay}")]
    public static partial void SocketClosedUnexpectedly(this ILogger logger, TimeSpan delay);

    [LoggerMessage(5008, LogLevel.Critical, "Slack Socket Mode stopped for good: {Error}. Check Slack:AppToken and the app's settings.")]
    public static partial void SocketModeFatal(this ILogger logger, string error);

    [LoggerMessage(5009, LogLevel.Warning, "Slack socket reader failed")]
    public static partial void SocketReaderFailed(this ILogger logger, Exception exception);

    [LoggerMessage(5010, LogLevel.Warning, "Slack socket sent unreadable JSON ({Length} chars)")]
    public static partial void SocketUnreadable(this ILogger logger, int length);

    [LoggerMessage(5011, LogLevel.Warning, "Slack envelope acknowledgement failed")]
    public static partial void AckFailed(this ILogger logger, Exception exception);

    [LoggerMessage(5012, LogLevel.Warning, "Slack {Method} rate limited; retrying after {Delay}")]
    public static partial void RateLimited(this ILogger logger, string method, TimeSpan delay);

    [LoggerMessage(5013, LogLevel.Warning, "Slack {Method} answered error {Error}")]
    public static partial void CallFailed(this ILogger logger, string method, string error);

    [LoggerMessage(5014, LogLevel.Debug, "Slack {Method} answered warning {Warning}")]
    public static partial void CallWarning(this ILogger logger, string method, string warning);

    [LoggerMessage(5015, LogLevel.Warning, "Slack events request rejected: {Verdict}")]
    public static partial void EventsRequestRejected(this ILogger logger, SlackSignatureResult verdict);

    [LoggerMessage(5016, LogLevel.Information, "Slack events retry {RetryNum} ({Reason})")]
    public static partial void EventsRetry(this ILogger logger, string retryNum, string reason);

    [LoggerMessage(5017, LogLevel.Warning, "Slack paused event delivery to this app (app_rate_limited)")]
    public static partial void AppRateLimited(this ILogger logger);
}

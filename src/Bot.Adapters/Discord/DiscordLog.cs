using Microsoft.Extensions.Logging;

namespace CodeCube.Adapters.Discord;

internal static partial class DiscordLog
{
    [LoggerMessage(4001, LogLevel.Information, "Discord gateway connected to {Uri} (resuming: {Resuming})")]
    public static partial void GatewayConnected(this ILogger logger, Uri uri, bool resuming);

    [LoggerMessage(4002, LogLevel.Information, "Discord gateway ready: session {SessionId}, bot user {UserId}")]
    public static partial void GatewayReady(this ILogger logger, string sessionId, string userId);

    [LoggerMessage(4003, LogLevel.Information, "Discord gateway resumed session {SessionId}")]
    public static partial void GatewayResumed(this ILogger logger, string sessionId);

    [LoggerMessage(4004, LogLevel.Warning, "Discord gateway: no heartbeat ACK before the next heartbeat; reconnecting")]
    public static partial void HeartbeatNotAcknowledged(this ILogger logger);

    [LoggerMessage(4005, LogLevel.Warning, "Discord gateway reconnecting in {Delay} ({Reason}); resume: {Resume}")]
    public static partial void GatewayReconnecting(this ILogger logger, string reason, TimeSpan delay, bool resume);

    [LoggerMessage(4006, LogLevel.Critical, "Discord adapter stopped: gateway close {CloseCode}: {Reason}")]
    public static partial void GatewayFatal(this ILogger logger, int closeCode, string reason);

    [LoggerMessage(4007, LogLevel.Warning, "Discord REST {Route} rate limited (global: {Global}); retrying the same request in {Delay}")]
    public static partial void RateLimited(this ILogger logger, string route, bool global, TimeSpan delay);

    [LoggerMessage(4010, LogLevel.Warning, "Discord refused the Message Content intent (close 4014); reconnecting without it: !run messages in guilds go unread, /run, Run code and mentions keep working. Enable the intent under Bot > Privileged Gateway Intents, or set Discord:MessageContent=false")]
    public static partial void MessageContentRefused(this ILogger logger);

    [LoggerMessage(4011, LogLevel.Information, "Discord commands registered ({Scope})")]
    public static partial void CommandsRegistered(this ILogger logger, string scope);

    [LoggerMessage(4012, LogLevel.Debug, "Discord commands already up to date ({Scope})")]
    public static partial void CommandsUpToDate(this ILogger logger, string scope);

    [LoggerMessage(4013, LogLevel.Warning, "Discord command registration failed ({Scope}); retrying at the next READY")]
    public static partial void CommandRegistrationFailed(this ILogger logger, Exception exception, string scope);

    [LoggerMessage(4014, LogLevel.Warning, "Discord session start limit reached (0 of {Total} left, max_concurrency {MaxConcurrency}); waiting {Delay} before the next IDENTIFY")]
    public static partial void SessionStartLimited(this ILogger logger, int total, int maxConcurrency, TimeSpan delay);

    [LoggerMessage(4015, LogLevel.Debug, "Discord: waiting {Delay} before IDENTIFY (one per 5 s)")]
    public static partial void IdentifySpaced(this ILogger logger, TimeSpan delay);

    [LoggerMessage(4009, LogLevel.Warning, "Discord: reply of {Length} characters exceeds {Max}; sending it as a file")]
    public static partial void OversizedReply(this ILogger logger, int length, int max);
}

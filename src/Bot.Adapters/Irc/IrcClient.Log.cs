using Microsoft.Extensions.Logging;

namespace CodeCube.Adapters.Irc;

public sealed partial class IrcClient
{
    [LoggerMessage(Level = LogLevel.Information, Message = "IRC connecting to {Server}:{Port} (TLS {Tls})")]
    private static partial void LogConnecting(ILogger logger, string server, int port, bool tls);

    [LoggerMessage(Level = LogLevel.Warning, Message = "IRC connection failed or dropped: {Reason}")]
    private static partial void LogConnectionFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "IRC reconnecting in {DelayMs:F0} ms")]
    private static partial void LogReconnecting(ILogger logger, double delayMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "IRC server closed the connection")]
    private static partial void LogServerClosed(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "IRC link dead: no answer to PING within {Seconds} s")]
    private static partial void LogDeadLink(ILogger logger, int seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "IRC SASL authentication succeeded")]
    private static partial void LogSaslSucceeded(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "IRC registered as {Nick}")]
    private static partial void LogRegistered(ILogger logger, string nick);

    [LoggerMessage(Level = LogLevel.Information, Message = "IRC nick {Nick} refused ({Code}), trying {Next}")]
    private static partial void LogNickRefused(ILogger logger, string nick, string code, string next);

    [LoggerMessage(Level = LogLevel.Information, Message = "IRC joined {Channel} as {User}@{Host}")]
    private static partial void LogJoined(ILogger logger, string channel, string user, string host);

    [LoggerMessage(Level = LogLevel.Warning, Message = "IRC could not join {Channel} ({Code}): {Reason}")]
    private static partial void LogJoinFailed(ILogger logger, string channel, string code, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "IRC kicked from {Channel} by {By}: {Reason}")]
    private static partial void LogKicked(ILogger logger, string channel, string by, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "IRC server error: {Reason}")]
    private static partial void LogServerError(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "IRC send failed, retrying after reconnect: {Reason}")]
    private static partial void LogSendFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "IRC not in {Channel} yet; sending anyway")]
    private static partial void LogNotJoined(ILogger logger, string channel);

    [LoggerMessage(Level = LogLevel.Debug, Message = "IRC CTCP {Verb} from {Nick} not answered (flood budget)")]
    private static partial void LogCtcpDropped(ILogger logger, string verb, string nick);
}

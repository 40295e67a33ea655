using System.Net.Security;
using Microsoft.Extensions.Logging;

namespace CodeCube.Adapters.Irc;

internal static partial class IrcLog
{
    [LoggerMessage(3001, LogLevel.Information, "IRC connecting to {Server}:{Port} (TLS {Tls})")]
    public static partial void Connecting(this ILogger logger, string server, int port, bool tls);

    [LoggerMessage(3002, LogLevel.Warning, "IRC connection failed or dropped: {Reason}")]
    public static partial void ConnectionFailed(this ILogger logger, string reason);

    [LoggerMessage(3003, LogLevel.Information, "IRC reconnecting in {Delay}")]
    public static partial void Reconnecting(this ILogger logger, TimeSpan delay);

    [LoggerMessage(3004, LogLevel.Warning, "IRC server closed the connection")]
    public static partial void ServerClosed(this ILogger logger);

    [LoggerMessage(3005, LogLevel.Warning, "IRC link dead: no answer to PING within {Seconds} s")]
    public static partial void DeadLink(this ILogger logger, int seconds);

    [LoggerMessage(3006, LogLevel.Information, "IRC SASL authentication succeeded")]
    public static partial void SaslSucceeded(this ILogger logger);

    [LoggerMessage(3007, LogLevel.Information, "IRC registered as {Nick}")]
    public static partial void Registered(this ILogger logger, string nick);

    [LoggerMessage(3008, LogLevel.Information, "IRC nick {Nick} refused ({Code}), trying {Next}")]
    public static partial void NickRefused(this ILogger logger, string nick, string code, string next);

    [LoggerMessage(3009, LogLevel.Information, "IRC joined {Channel} as {User}@{Host}")]
    public static partial void Joined(this ILogger logger, string channel, string user, string host);

    [LoggerMessage(3010, LogLevel.Warning, "IRC could not join {Channel} ({Code}): {Reason}")]
    public static partial void JoinFailed(this ILogger logger, string channel, string code, string reason);

    [LoggerMessage(3011, LogLevel.Warning, "IRC kicked from {Channel} by {By}: {Reason}")]
    public static partial void Kicked(this ILogger logger, string channel, string by, string reason);

    [LoggerMessage(3012, LogLevel.Warning, "IRC server error: {Reason}")]
    public static partial void ServerError(this ILogger logger, string reason);

    [LoggerMessage(3013, LogLevel.Warning, "IRC send failed, retrying after reconnect: {Reason}")]
    public static partial void SendFailed(this ILogger logger, string reason);

    [LoggerMessage(3014, LogLevel.Warning, "IRC not in {Channel} yet; sending anyway")]
    public static partial void NotJoined(this ILogger logger, string channel);

    [LoggerMessage(3015, LogLevel.Debug, "IRC CTCP {Verb} from {Nick} not answered (flood budget)")]
    public static partial void CtcpDropped(this ILogger logger, string verb, string nick);

    [LoggerMessage(3016, LogLevel.Warning, "IRC event from {Channel} dropped: the event queue is full")]
    public static partial void EventDropped(this ILogger logger, string channel);

    [LoggerMessage(3017, LogLevel.Error, "IRC server certificate rejected ({Errors}); its SHA-256 is {Fingerprint}")]
    public static partial void CertificateRejected(this ILogger logger, SslPolicyErrors errors, string fingerprint);

    [LoggerMessage(3018, LogLevel.Warning, "IRC reply to {Target} not sent")]
    public static partial void ReplyFailed(this ILogger logger, Exception exception, string target);

    [LoggerMessage(3019, LogLevel.Information, "IRC capabilities enabled: {Capabilities}")]
    public static partial void CapabilitiesEnabled(this ILogger logger, string capabilities);
}

namespace CodeCube.Host.Admin;

internal static partial class AdminLog
{
    [LoggerMessage(7001, LogLevel.Warning, "Admin call {Method} {Path} from {Client} refused: wrong or missing token")]
    public static partial void Denied(this ILogger logger, string method, string path, string client);

    [LoggerMessage(7002, LogLevel.Information, "Admin call {Method} {Path} from {Client}: {Status}")]
    public static partial void Called(this ILogger logger, string method, string path, string client, int status);

    [LoggerMessage(7003, LogLevel.Warning, "Admin calls from {Client} are over the rate limit")]
    public static partial void Limited(this ILogger logger, string client);

    [LoggerMessage(7004, LogLevel.Information, "Moderation: {Action} {Target}")]
    public static partial void Moderated(this ILogger logger, string action, string target);
}

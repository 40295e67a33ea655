namespace CodeCube.Host.Admin;

internal static partial class Log
{
    [LoggerMessage(200, LogLevel.Warning, "Admin call {Method} {Path} from {Client} refused: wrong or missing token")]
    public static partial void Denied(ILogger logger, string method, string path, string client);

    [LoggerMessage(201, LogLevel.Information, "Admin call {Method} {Path} from {Client}: {Status}")]
    public static partial void Called(ILogger logger, string method, string path, string client, int status);

    [LoggerMessage(202, LogLevel.Warning, "Admin calls from {Client} are over the rate limit")]
    public static partial void Limited(ILogger logger, string client);

    [LoggerMessage(203, LogLevel.Information, "Moderation: {Action} {Target}")]
    public static partial void Moderated(ILogger logger, string action, string target);
}

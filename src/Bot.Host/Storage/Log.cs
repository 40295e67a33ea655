namespace CodeCube.Host.Storage;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Warning, "Redis {Operation} failed; going on without it")]
    public static partial void BestEffortFailed(ILogger logger, Exception exception, string operation);
}

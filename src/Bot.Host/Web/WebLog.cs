namespace CodeCube.Host.Web;

internal static partial class WebLog
{
    [LoggerMessage(6001, LogLevel.Error, "A streamed web run failed")]
    public static partial void StreamFailed(this ILogger logger, Exception exception);

    [LoggerMessage(6002, LogLevel.Warning, "Redis {Operation} failed; going on without it")]
    public static partial void StorageBestEffortFailed(this ILogger logger, Exception exception, string operation);
}

using Microsoft.Extensions.Logging;

namespace CodeCube.Sandbox;

internal static partial class SandboxLog
{
    [LoggerMessage(2001, LogLevel.Information, "Ran {Language} in {Container} ({Start}): {Outcome} after {WallMs} ms")]
    public static partial void Ran(this ILogger logger, string language, string container, string start, string outcome, long wallMs);

    [LoggerMessage(2002, LogLevel.Warning, "Pooled {Language} container {Container} failed ({Detail}); retrying cold")]
    public static partial void PooledRetry(this ILogger logger, string language, string container, string detail);

    [LoggerMessage(2003, LogLevel.Warning, "Sandbox error for {Language}: {Detail}")]
    public static partial void SandboxError(this ILogger logger, Exception exception, string language, string detail);

    [LoggerMessage(2004, LogLevel.Information, "Reaped leftover sandbox container {Container}")]
    public static partial void Reaped(this ILogger logger, string container);

    [LoggerMessage(2005, LogLevel.Warning, "Reaper sweep failed ({Detail}); next try in {Wait}")]
    public static partial void ReaperSweepFailed(this ILogger logger, Exception exception, string detail, TimeSpan wait);

    [LoggerMessage(2006, LogLevel.Warning, "Warm pool refill failed ({Kind}: {Detail}); runs start cold, next try in {BackoffSeconds} s")]
    public static partial void PoolRefillFailed(this ILogger logger, string kind, string detail, double backoffSeconds);
}

using Microsoft.Extensions.Logging;

namespace CodeCube.Sandbox;

internal static partial class SandboxLog
{
    [LoggerMessage(2001, LogLevel.Information, "Ran {Language} in {Container}: {Outcome} after {WallMs} ms")]
    public static partial void Ran(this ILogger logger, string language, string container, string outcome, long wallMs);

    [LoggerMessage(2002, LogLevel.Warning, "Pooled {Language} container {Container} failed ({Detail}); retrying cold")]
    public static partial void PooledRetry(this ILogger logger, string language, string container, string detail);

    [LoggerMessage(2003, LogLevel.Warning, "Sandbox error for {Language}: {Detail}")]
    public static partial void SandboxError(this ILogger logger, string language, string detail);

    [LoggerMessage(2004, LogLevel.Information, "Reaped leftover sandbox container {Container}")]
    public static partial void Reaped(this ILogger logger, string container);

    [LoggerMessage(2005, LogLevel.Warning, "Reaper skipped a sweep: {Detail}")]
    public static partial void ReaperSkipped(this ILogger logger, string detail);

    [LoggerMessage(2006, LogLevel.Warning, "Warm pool could not start a {Language} container: {Detail}")]
    public static partial void PoolFillFailed(this ILogger logger, string language, string detail);
}

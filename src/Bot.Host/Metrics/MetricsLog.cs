namespace CodeCube.Host.Metrics;

internal static partial class MetricsLog
{
    [LoggerMessage(8001, LogLevel.Information, "Metrics for Prometheus on {Urls} at /metrics")]
    public static partial void MetricsListening(this ILogger logger, string urls);
}

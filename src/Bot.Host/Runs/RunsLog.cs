namespace CodeCube.Host.Runs;

internal static partial class RunsLog
{
    [LoggerMessage(7001, LogLevel.Information, "Worker {Worker} takes runs from {Group} ({Concurrency} at once)")]
    public static partial void WorkerStarted(this ILogger logger, string worker, string group, int concurrency);

    [LoggerMessage(7002, LogLevel.Information, "Worker {Worker} ran {RunId} (attempt {Attempt}) after {QueueWaitMs} ms in the queue")]
    public static partial void WorkerRan(this ILogger logger, string worker, string runId, int attempt, long queueWaitMs);

    [LoggerMessage(7003, LogLevel.Warning, "Run {RunId} was delivered {Deliveries} times without an answer; dead-lettered")]
    public static partial void DeadLettered(this ILogger logger, string runId, int deliveries);

    [LoggerMessage(7004, LogLevel.Warning, "Worker {Worker} claimed run {RunId} from {Owner}, whose heartbeat stopped")]
    public static partial void Claimed(this ILogger logger, string worker, string runId, string owner);

    [LoggerMessage(7005, LogLevel.Warning, "Worker loop failed; retrying in {Delay}")]
    public static partial void LoopFailed(this ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(7006, LogLevel.Warning, "No sandbox worker took run {RunId} within {Timeout}")]
    public static partial void NoWorker(this ILogger logger, string runId, TimeSpan timeout);

    [LoggerMessage(7007, LogLevel.Warning, "Redis is unreachable; running {Language} in this process")]
    public static partial void RanLocallyWithoutRedis(this ILogger logger, string language);

    [LoggerMessage(7008, LogLevel.Information, "Removed departed consumer {Consumer} from {Group}")]
    public static partial void ConsumerRemoved(this ILogger logger, string consumer, string group);
}

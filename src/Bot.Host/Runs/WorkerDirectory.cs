using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace CodeCube.Host.Runs;

/// <summary>The live workers: those whose status key has not expired. Names whose key is gone are dropped.</summary>
internal sealed class WorkerDirectory(IConnectionMultiplexer redis, RunQueueKeys keys)
{
    public async Task<IReadOnlyList<WorkerStatus>> LiveAsync()
    {
        var db = redis.GetDatabase();
        var names = await db.SetMembersAsync(keys.Workers).ConfigureAwait(false);
        if (names.Length == 0)
        {
            return [];
        }

        var statuses = await db.StringGetAsync(names.Select(n => keys.Worker(n!)).ToArray()).ConfigureAwait(false);
        var live = new List<WorkerStatus>();
        for (var i = 0; i < names.Length; i++)
        {
            if (statuses[i].HasValue)
            {
                live.Add(JsonSerializer.Deserialize((string)statuses[i]!, QueueJson.Default.WorkerStatus)!);
            }
            else
            {
                await db.SetRemoveAsync(keys.Workers, names[i], CommandFlags.FireAndForget).ConfigureAwait(false);
            }
        }

        return live.OrderBy(w => w.Name, StringComparer.Ordinal).ToList();
    }
}

/// <summary>"workers" in /healthz: how many are live. None is degraded (runs wait, then fail), not down.</summary>
internal sealed class WorkersHealthCheck(WorkerDirectory workers) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var count = (await workers.LiveAsync().WaitAsync(cancellationToken).ConfigureAwait(false)).Count;
            var text = $"{count} live sandbox worker{(count == 1 ? "" : "s")}";
            return count > 0 ? HealthCheckResult.Healthy(text) : HealthCheckResult.Degraded(text);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return HealthCheckResult.Degraded("workers unknown: Redis does not answer", ex);
        }
    }
}

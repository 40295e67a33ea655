using System.Text.Json;
using CodeCube.Core.Contracts;
using Microsoft.Extensions.Options;
using CodeCube.Host.Web;
using StackExchange.Redis;

namespace CodeCube.Host.Storage;

/// <summary>
/// Cached results under <c>codecube:cache:{key}</c>, expiring after <see cref="RedisOptions.CacheTtl"/>. Best effort:
/// with Redis away a lookup is a miss and a store is skipped, so runs go on.
/// </summary>
public sealed class RedisResultCache(IConnectionMultiplexer redis, IOptions<RedisOptions> options, ILogger<RedisResultCache> logger)
    : IResultCache
{
    public async Task<RunResult?> GetAsync(string key, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        try
        {
            var value = await redis.GetDatabase().StringGetAsync(RedisKeys.Cache(key)).ConfigureAwait(false);
            return value.IsNull ? null : JsonSerializer.Deserialize((string)value!, StorageJson.Default.RunResult);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            logger.StorageBestEffortFailed(e, "cache lookup");
            return null;
        }
    }

    public async Task SetAsync(string key, RunResult result, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var json = JsonSerializer.Serialize(result, StorageJson.Default.RunResult);
        try
        {
            await redis.GetDatabase()
                .StringSetAsync(RedisKeys.Cache(key), json, options.Value.CacheTtl)
                .ConfigureAwait(false);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            logger.StorageBestEffortFailed(e, "cache store");
        }
    }
}

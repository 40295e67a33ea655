using System.Text.Json;
using CodeCube.Core.Contracts;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CodeCube.Host.Storage;

/// <summary>Cached results under <c>codecube:cache:{key}</c>, expiring after <see cref="RedisOptions.CacheTtl"/>.</summary>
public sealed class RedisResultCache(IConnectionMultiplexer redis, IOptions<RedisOptions> options) : IResultCache
{
    public async Task<RunResult?> GetAsync(string key, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var value = await redis.GetDatabase().StringGetAsync(RedisKeys.Cache(key)).ConfigureAwait(false);
        return value.IsNull ? null : JsonSerializer.Deserialize((string)value!, StorageJson.Default.RunResult);
    }

    public async Task SetAsync(string key, RunResult result, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var json = JsonSerializer.Serialize(result, StorageJson.Default.RunResult);
        await redis.GetDatabase()
            .StringSetAsync(RedisKeys.Cache(key), json, options.Value.CacheTtl)
            .ConfigureAwait(false);
    }
}

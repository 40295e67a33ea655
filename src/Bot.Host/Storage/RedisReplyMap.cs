using System.Text.Json;
using CodeCube.Core.Contracts;
using Microsoft.Extensions.Options;
using CodeCube.Host.Web;
using StackExchange.Redis;

namespace CodeCube.Host.Storage;

/// <summary>
/// Chat message → our reply, under <c>codecube:reply:{platform}:{channel}:{message}</c>, expiring after
/// <see cref="RedisOptions.ReplyTtl"/> so old conversations do not pile up. Best effort: with Redis away a lookup
/// finds nothing (an edit is then not followed) and a store is skipped, so the chat is still answered.
/// </summary>
public sealed class RedisReplyMap(IConnectionMultiplexer redis, IOptions<RedisOptions> options, ILogger<RedisReplyMap> logger)
    : IReplyMap
{
    public Task SetAsync(string platform, string channelId, string messageId, ReplyLink link, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var json = JsonSerializer.Serialize(link, StorageJson.Default.ReplyLink);
        return BestEffortAsync("reply store", db => db.StringSetAsync(
            RedisKeys.Reply(platform, channelId, messageId), json, options.Value.ReplyTtl), false);
    }

    public async Task<ReplyLink?> GetAsync(string platform, string channelId, string messageId, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var value = await BestEffortAsync("reply lookup",
            db => db.StringGetAsync(RedisKeys.Reply(platform, channelId, messageId)), RedisValue.Null).ConfigureAwait(false);
        return value.IsNull ? null : JsonSerializer.Deserialize((string)value!, StorageJson.Default.ReplyLink);
    }

    public Task RemoveAsync(string platform, string channelId, string messageId, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return BestEffortAsync("reply removal",
            db => db.KeyDeleteAsync(RedisKeys.Reply(platform, channelId, messageId)), false);
    }

    private async Task<T> BestEffortAsync<T>(string operation, Func<IDatabase, Task<T>> call, T fallback)
    {
        try
        {
            return await call(redis.GetDatabase()).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            logger.StorageBestEffortFailed(e, operation);
            return fallback;
        }
    }
}

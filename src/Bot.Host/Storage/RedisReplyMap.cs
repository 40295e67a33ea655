using System.Text.Json;
using CodeCube.Core.Contracts;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CodeCube.Host.Storage;

/// <summary>
/// Chat message → our reply, under <c>codecube:reply:{platform}:{channel}:{message}</c>, expiring after
/// <see cref="RedisOptions.ReplyTtl"/> so old conversations do not pile up.
/// </summary>
public sealed class RedisReplyMap(IConnectionMultiplexer redis, IOptions<RedisOptions> options) : IReplyMap
{
    public async Task SetAsync(string platform, string channelId, string messageId, ReplyLink link, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var json = JsonSerializer.Serialize(link, StorageJson.Default.ReplyLink);
        await redis.GetDatabase()
            .StringSetAsync(RedisKeys.Reply(platform, channelId, messageId), json, options.Value.ReplyTtl)
            .ConfigureAwait(false);
    }

    public async Task<ReplyLink?> GetAsync(string platform, string channelId, string messageId, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var value = await redis.GetDatabase()
            .StringGetAsync(RedisKeys.Reply(platform, channelId, messageId))
            .ConfigureAwait(false);
        return value.IsNull ? null : JsonSerializer.Deserialize((string)value!, StorageJson.Default.ReplyLink);
    }

    public async Task RemoveAsync(string platform, string channelId, string messageId, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        await redis.GetDatabase().KeyDeleteAsync(RedisKeys.Reply(platform, channelId, messageId)).ConfigureAwait(false);
    }
}

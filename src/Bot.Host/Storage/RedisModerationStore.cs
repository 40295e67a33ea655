using System.Text.Json;
using CodeCube.Core.Contracts;
using CodeCube.Core.Moderation;
using StackExchange.Redis;

namespace CodeCube.Host.Storage;

/// <summary>
/// Moderation in Redis: a removed snippet's key is deleted and a tombstone <c>codecube:removed:{id}</c> written in
/// one transaction; bans are a set; a banned user's notice is a key that expires after the notice interval.
/// </summary>
public sealed class RedisModerationStore(IConnectionMultiplexer redis, TimeProvider time) : IModerationStore
{
    public async Task<bool> RemoveSnippetAsync(string id, CancellationToken ct)
    {
        if (!SnippetId.IsValid(id))
        {
            return false;
        }

        ct.ThrowIfCancellationRequested();
        var transaction = redis.GetDatabase().CreateTransaction();
        transaction.AddCondition(Condition.KeyExists(RedisKeys.Snippet(id)));
        _ = transaction.KeyDeleteAsync(RedisKeys.Snippet(id));
        _ = transaction.StringSetAsync(RedisKeys.Removed(id), time.GetUtcNow().ToString("O"));
        _ = transaction.ListRemoveAsync(RedisKeys.RecentRuns, id);
        return await transaction.ExecuteAsync().ConfigureAwait(false);
    }

    public async Task<bool> IsRemovedAsync(string id, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return SnippetId.IsValid(id) && await redis.GetDatabase().KeyExistsAsync(RedisKeys.Removed(id)).ConfigureAwait(false);
    }

    public async Task<bool> BanAsync(PlatformUser user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        ct.ThrowIfCancellationRequested();
        return await redis.GetDatabase().SetAddAsync(RedisKeys.Bans, user.ToString()).ConfigureAwait(false);
    }

    public async Task<bool> UnbanAsync(PlatformUser user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        ct.ThrowIfCancellationRequested();
        var db = redis.GetDatabase();
        await db.KeyDeleteAsync(RedisKeys.BanNotice(user.ToString())).ConfigureAwait(false);
        return await db.SetRemoveAsync(RedisKeys.Bans, user.ToString()).ConfigureAwait(false);
    }

    public async Task<bool> IsBannedAsync(PlatformUser user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        ct.ThrowIfCancellationRequested();
        return await redis.GetDatabase().SetContainsAsync(RedisKeys.Bans, user.ToString()).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<PlatformUser>> BansAsync(CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var members = await redis.GetDatabase().SetMembersAsync(RedisKeys.Bans).ConfigureAwait(false);
        return members
            .Select(m => PlatformUser.TryParse(m, out var user) ? user : null)
            .OfType<PlatformUser>()
            .OrderBy(u => u.ToString(), StringComparer.Ordinal)
            .ToList();
    }

    public async Task<bool> TryClaimNoticeAsync(PlatformUser user, TimeSpan every, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        ct.ThrowIfCancellationRequested();
        return await redis.GetDatabase()
            .StringSetAsync(RedisKeys.BanNotice(user.ToString()), "1", every, When.NotExists)
            .ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<RecentRun>> RecentRunsAsync(int limit, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var db = redis.GetDatabase();
        var ids = await db.ListRangeAsync(RedisKeys.RecentRuns, 0, Math.Clamp(limit, 1, RedisKeys.RecentRunsKept) - 1)
            .ConfigureAwait(false);
        if (ids.Length == 0)
        {
            return [];
        }

        var values = await db.StringGetAsync(ids.Select(id => (RedisKey)RedisKeys.Snippet(id!)).ToArray()).ConfigureAwait(false);
        return values
            .Where(v => !v.IsNull)
            .Select(v => JsonSerializer.Deserialize((string)v!, StorageJson.Default.Snippet)!)
            .Select(s => new RecentRun(s.Id, s.Language, s.Outcome, s.WallMs, s.Author, s.Origin, s.CreatedAt))
            .ToList();
    }
}

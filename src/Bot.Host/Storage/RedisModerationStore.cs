using System.Text.Json;
using CodeCube.Core.Contracts;
using CodeCube.Core.Moderation;
using StackExchange.Redis;

namespace CodeCube.Host.Storage;

/// <summary>
/// Moderation in Redis: a removed snippet's key and the content blobs no other snippet uses are deleted and a
/// tombstone <c>codecube:removed:{id}</c> written in one script (the tombstone keeps the id from being saved again); bans are a set; a banned user's notice is a key that expires after the notice interval.
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
        var db = redis.GetDatabase();
        var value = await db.StringGetAsync(RedisKeys.Snippet(id)).ConfigureAwait(false);
        var stored = value.IsNull ? null : JsonSerializer.Deserialize((string)value!, StorageJson.Default.StoredSnippet);
        if (stored is null)
        {
            return false;
        }

        // Snippets are immutable, so the hashes read above are still the snippet's when the script runs.
        var hashes = new[] { stored.Code, stored.Stdin, stored.Stdout, stored.Stderr }
            .Where(h => h.Length > 0).Distinct(StringComparer.Ordinal);
        RedisKey[] keys =
        [
            RedisKeys.Snippet(id), RedisKeys.Removed(id), RedisKeys.RecentRuns,
            .. hashes.SelectMany(h => new RedisKey[] { RedisKeys.Blob(h), RedisKeys.BlobRefs(h) }),
        ];
        var removed = await db.ScriptEvaluateAsync(RemoveScript, keys,
            [id, time.GetUtcNow().ToString("O"), RedisKeys.Snippet("")]).ConfigureAwait(false);
        return (int)removed == 1;
    }

    // One atomic step, so no save can add a reference between the check and the delete: the snippet goes, its
    // tombstone is written, and each of its blobs is deleted unless a snippet that still exists uses it too.
    private const string RemoveScript = """
        if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
        redis.call('DEL', KEYS[1])
        redis.call('SET', KEYS[2], ARGV[2])
        redis.call('LREM', KEYS[3], 0, ARGV[1])
        for i = 4, #KEYS, 2 do
          redis.call('SREM', KEYS[i + 1], ARGV[1])
          local used = false
          for _, other in ipairs(redis.call('SMEMBERS', KEYS[i + 1])) do
            if redis.call('EXISTS', ARGV[3] .. other) == 1 then used = true break end
          end
          if not used then redis.call('DEL', KEYS[i], KEYS[i + 1]) end
        end
        return 1
        """;

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
            .Select(v => JsonSerializer.Deserialize((string)v!, StorageJson.Default.StoredSnippet)?.Meta)
            .OfType<Snippet>()
            .Select(s => new RecentRun(s.Id, s.Language, s.Outcome, s.WallMs, s.Author, s.Origin, s.CreatedAt))
            .ToList();
    }
}

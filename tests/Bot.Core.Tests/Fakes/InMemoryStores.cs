using CodeCube.Core.Moderation;

namespace CodeCube.Core.Tests.Fakes;

internal sealed class InMemorySnippetStore : ISnippetStore
{
    public ConcurrentDictionary<string, Snippet> Snippets { get; } = new();

    public Task SaveAsync(Snippet snippet, CancellationToken ct)
    {
        Snippets[snippet.Id] = snippet;
        return Task.CompletedTask;
    }

    public Task<Snippet?> GetAsync(string id, CancellationToken ct) =>
        Task.FromResult(Snippets.TryGetValue(id, out var snippet) ? snippet : null);
}

internal sealed class InMemoryResultCache : IResultCache
{
    private readonly ConcurrentDictionary<string, RunResult> results = new();

    public Task<RunResult?> GetAsync(string key, CancellationToken ct) =>
        Task.FromResult(results.TryGetValue(key, out var result) ? result : null);

    public Task SetAsync(string key, RunResult result, CancellationToken ct)
    {
        results[key] = result;
        return Task.CompletedTask;
    }
}

internal sealed class InMemoryReplyMap : IReplyMap
{
    public ConcurrentDictionary<(string, string, string), ReplyLink> Links { get; } = new();

    public Task SetAsync(string platform, string channelId, string messageId, ReplyLink link, CancellationToken ct)
    {
        Links[(platform, channelId, messageId)] = link;
        return Task.CompletedTask;
    }

    public Task<ReplyLink?> GetAsync(string platform, string channelId, string messageId, CancellationToken ct) =>
        Task.FromResult(Links.TryGetValue((platform, channelId, messageId), out var link) ? link : null);

    public Task RemoveAsync(string platform, string channelId, string messageId, CancellationToken ct)
    {
        Links.TryRemove((platform, channelId, messageId), out _);
        return Task.CompletedTask;
    }
}

/// <summary>Bans and tombstones in memory; the Redis implementation has its own tests against a real server.</summary>
internal sealed class InMemoryModeration(InMemorySnippetStore store) : IModerationStore
{
    private readonly ConcurrentDictionary<string, byte> _removed = new();
    private readonly ConcurrentDictionary<PlatformUser, byte> _bans = new();
    private readonly ConcurrentDictionary<PlatformUser, byte> _noticed = new();

    public Task<bool> RemoveSnippetAsync(string id, CancellationToken ct)
    {
        var existed = store.Snippets.TryRemove(id, out _);
        if (existed)
        {
            _removed[id] = 0;
        }

        return Task.FromResult(existed);
    }

    public Task<bool> IsRemovedAsync(string id, CancellationToken ct) => Task.FromResult(_removed.ContainsKey(id));

    public Task<bool> BanAsync(PlatformUser user, CancellationToken ct) => Task.FromResult(_bans.TryAdd(user, 0));

    public Task<bool> UnbanAsync(PlatformUser user, CancellationToken ct) => Task.FromResult(_bans.TryRemove(user, out _));

    public Task<bool> IsBannedAsync(PlatformUser user, CancellationToken ct) => Task.FromResult(_bans.ContainsKey(user));

    public Task<IReadOnlyList<PlatformUser>> BansAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<PlatformUser>>([.. _bans.Keys]);

    // The hour-long window is the Redis key's TTL; here a notice is claimed once per user.
    public Task<bool> TryClaimNoticeAsync(PlatformUser user, TimeSpan every, CancellationToken ct) =>
        Task.FromResult(_noticed.TryAdd(user, 0));

    public Task<IReadOnlyList<RecentRun>> RecentRunsAsync(int limit, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<RecentRun>>([]);
}

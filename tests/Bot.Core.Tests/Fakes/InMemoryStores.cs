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

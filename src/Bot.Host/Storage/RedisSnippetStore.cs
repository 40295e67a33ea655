using System.Text.Json;
using CodeCube.Core.Contracts;
using StackExchange.Redis;

namespace CodeCube.Host.Storage;

/// <summary>Snippets as JSON strings under <c>codecube:snippet:{id}</c>, never expiring and never overwritten.</summary>
public sealed class RedisSnippetStore(IConnectionMultiplexer redis) : ISnippetStore
{
    public async Task SaveAsync(Snippet snippet, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(snippet);
        if (!SnippetId.IsValid(snippet.Id))
        {
            throw new ArgumentException($"'{snippet.Id}' is not a snippet id.", nameof(snippet));
        }

        ct.ThrowIfCancellationRequested();
        var json = JsonSerializer.Serialize(snippet, StorageJson.Default.Snippet);
        var db = redis.GetDatabase();
        var saved = await db.StringSetAsync(RedisKeys.Snippet(snippet.Id), json, when: When.NotExists).ConfigureAwait(false);
        if (!saved)
        {
            // Ids are ~71 random bits, so this is a bug (a reused id), never bad luck: refuse to lose the old one.
            throw new InvalidOperationException($"Snippet {snippet.Id} already exists; snippets are immutable.");
        }

        // For the moderators' list of recent runs; capped, so it never grows without bound.
        var batch = db.CreateBatch();
        var pushed = batch.ListLeftPushAsync(RedisKeys.RecentRuns, snippet.Id);
        var trimmed = batch.ListTrimAsync(RedisKeys.RecentRuns, 0, RedisKeys.RecentRunsKept - 1);
        batch.Execute();
        await Task.WhenAll(pushed, trimmed).ConfigureAwait(false);
    }

    public async Task<Snippet?> GetAsync(string id, CancellationToken ct)
    {
        if (!SnippetId.IsValid(id))
        {
            return null;
        }

        ct.ThrowIfCancellationRequested();
        var value = await redis.GetDatabase().StringGetAsync(RedisKeys.Snippet(id)).ConfigureAwait(false);
        return value.IsNull ? null : JsonSerializer.Deserialize((string)value!, StorageJson.Default.Snippet);
    }
}

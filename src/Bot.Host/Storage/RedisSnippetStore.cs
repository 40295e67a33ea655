using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CodeCube.Core.Contracts;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CodeCube.Host.Storage;

/// <summary>
/// Snippets under <c>codecube:snippet:{id}</c>: the metadata as JSON, with code, stdin, stdout and stderr stored
/// once each under <c>codecube:blob:{sha256}</c> (the same program run a thousand times is kept once). Every key
/// lives for <see cref="RedisOptions.SnippetTtl"/> from the snippet's last save or read, so what people still look
/// at stays and the rest goes. A blob's expiry is renewed with every snippet that uses it, so it never goes first.
/// Snippets are never overwritten.
/// </summary>
public sealed class RedisSnippetStore(IConnectionMultiplexer redis, IOptions<RedisOptions> options) : ISnippetStore
{
    public async Task SaveAsync(Snippet snippet, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(snippet);
        if (!SnippetId.IsValid(snippet.Id))
        {
            throw new ArgumentException($"'{snippet.Id}' is not a snippet id.", nameof(snippet));
        }

        ct.ThrowIfCancellationRequested();
        var ttl = options.Value.SnippetTtl;
        var blobs = new[] { snippet.Code, snippet.Stdin, snippet.Stdout, snippet.Stderr }.Select(Hash).ToArray();
        var stored = new StoredSnippet(
            snippet with { Code = "", Stdin = "", Stdout = "", Stderr = "" }, blobs[0], blobs[1], blobs[2], blobs[3]);
        var key = RedisKeys.Snippet(snippet.Id);

        var transaction = redis.GetDatabase().CreateTransaction();
        transaction.AddCondition(Condition.KeyNotExists(key));
        // A removed snippet's id stays taken: nothing may bring it back under its old permalink.
        transaction.AddCondition(Condition.KeyNotExists(RedisKeys.Removed(snippet.Id)));
        var writes = new List<Task>();
        foreach (var (text, hash) in new[] { snippet.Code, snippet.Stdin, snippet.Stdout, snippet.Stderr }.Zip(blobs))
        {
            if (hash.Length > 0)
            {
                // Same hash, same text: overwriting an existing blob changes nothing but its expiry.
                writes.Add(transaction.StringSetAsync(RedisKeys.Blob(hash), text, ttl));
                writes.Add(transaction.SetAddAsync(RedisKeys.BlobRefs(hash), snippet.Id));
                writes.Add(transaction.KeyExpireAsync(RedisKeys.BlobRefs(hash), ttl));
            }
        }

        writes.Add(transaction.StringSetAsync(key, JsonSerializer.Serialize(stored, StorageJson.Default.StoredSnippet), ttl));
        if (!await transaction.ExecuteAsync().ConfigureAwait(false))
        {
            // Ids are ~71 random bits, so this is a bug (a reused id), never bad luck: refuse to lose the old one.
            throw new InvalidOperationException($"Snippet {snippet.Id} already exists; snippets are immutable.");
        }

        await Task.WhenAll(writes).ConfigureAwait(false);

        // For the moderators' list of recent runs; capped, so it never grows without bound.
        var batch = redis.GetDatabase().CreateBatch();
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
        var db = redis.GetDatabase();
        var key = RedisKeys.Snippet(id);
        var value = await db.StringGetAsync(key).ConfigureAwait(false);
        if (value.IsNull)
        {
            return null;
        }

        var stored = JsonSerializer.Deserialize((string)value!, StorageJson.Default.StoredSnippet);
        if (stored?.Meta is null)
        {
            return null;
        }

        var hashes = new[] { stored.Code, stored.Stdin, stored.Stdout, stored.Stderr };
        var keys = hashes.Where(h => h.Length > 0).Select(h => (RedisKey)RedisKeys.Blob(h)).ToArray();
        var texts = keys.Length == 0 ? [] : await db.StringGetAsync(keys).ConfigureAwait(false);
        var byHash = keys.Zip(texts).ToDictionary(p => ((string)p.First!)[RedisKeys.Blob("").Length..], p => (string?)p.Second);
        string Text(string hash) => hash.Length == 0 ? "" : byHash.GetValueOrDefault(hash) ?? "";

        // Viewed (or about to be rerun): it lives another SnippetTtl from now, its blobs with it.
        var ttl = options.Value.SnippetTtl;
        var batch = db.CreateBatch();
        var refs = hashes.Where(h => h.Length > 0).Select(h => (RedisKey)RedisKeys.BlobRefs(h));
        var renewals = keys.Concat(refs).Append(key).Select(k => batch.KeyExpireAsync(k, ttl)).ToArray();
        batch.Execute();
        await Task.WhenAll(renewals).ConfigureAwait(false);

        return stored.Meta with
        {
            Code = Text(stored.Code), Stdin = Text(stored.Stdin), Stdout = Text(stored.Stdout), Stderr = Text(stored.Stderr),
        };
    }

    private static string Hash(string text) =>
        text.Length == 0 ? "" : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

/// <summary>A snippet as stored: its texts replaced by the hashes of their blobs ("" for an empty text).</summary>
internal sealed record StoredSnippet(Snippet Meta, string Code, string Stdin, string Stdout, string Stderr);

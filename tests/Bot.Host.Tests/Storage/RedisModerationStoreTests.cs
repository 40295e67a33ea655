using System.Security.Cryptography;
using System.Text;
using CodeCube.Host.Storage;
using Microsoft.Extensions.Options;

namespace CodeCube.Host.Tests.Storage;

/// <summary>Removal with content-hash storage: the removed texts go unless another snippet still uses them.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisModerationStoreTests(RedisServerFixture redis)
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static IOptions<RedisOptions> Options() =>
        Microsoft.Extensions.Options.Options.Create(new RedisOptions { SnippetTtl = TimeSpan.FromDays(180) });

    private static string Blob(string text) =>
        "codecube:blob:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public async Task Removing_deletes_the_snippet_and_its_blobs_and_keeps_blobs_another_snippet_uses()
    {
        var snippets = new RedisSnippetStore(redis.Redis, Options());
        var moderation = new RedisModerationStore(redis.Redis, TimeProvider.System);
        var db = redis.Redis.GetDatabase();
        var removedCode = "print('remove me')\n# " + Guid.NewGuid();
        var sharedCode = "print('shared')\n# " + Guid.NewGuid();
        var removed = Samples.Snippet(code: removedCode);
        var sharing = Samples.Snippet(code: sharedCode);
        var kept = Samples.Snippet(code: sharedCode);
        await snippets.SaveAsync(removed, None);
        await snippets.SaveAsync(sharing, None);
        await snippets.SaveAsync(kept, None);

        Assert.True(await moderation.RemoveSnippetAsync(removed.Id, None));
        Assert.True(await moderation.RemoveSnippetAsync(sharing.Id, None));

        Assert.Null(await snippets.GetAsync(removed.Id, None));
        Assert.True(await moderation.IsRemovedAsync(removed.Id, None));
        Assert.False(await db.KeyExistsAsync(Blob(removedCode)));
        Assert.Equal(sharedCode, (await snippets.GetAsync(kept.Id, None))!.Code);
        Assert.DoesNotContain(await moderation.RecentRunsAsync(1000, None), r => r.Id == removed.Id);
        Assert.Contains(await moderation.RecentRunsAsync(1000, None), r => r.Id == kept.Id);

        Assert.True(await moderation.RemoveSnippetAsync(kept.Id, None));
        Assert.False(await db.KeyExistsAsync(Blob(sharedCode)));
        Assert.False(await moderation.RemoveSnippetAsync(kept.Id, None));
    }

    [Fact]
    public async Task A_removed_id_cannot_be_saved_again()
    {
        var snippets = new RedisSnippetStore(redis.Redis, Options());
        var moderation = new RedisModerationStore(redis.Redis, TimeProvider.System);
        var snippet = Samples.Snippet(code: "print('again')\n# " + Guid.NewGuid());
        await snippets.SaveAsync(snippet, None);
        Assert.True(await moderation.RemoveSnippetAsync(snippet.Id, None));

        await Assert.ThrowsAsync<InvalidOperationException>(() => snippets.SaveAsync(snippet, None));

        Assert.Null(await snippets.GetAsync(snippet.Id, None));
        Assert.True(await moderation.IsRemovedAsync(snippet.Id, None));
    }
}

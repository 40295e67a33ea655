using CodeCube.Host.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CodeCube.Host.Tests.Storage;

[Collection(RedisCollection.Name)]
public sealed class RedisStoreTests(RedisServerFixture redis)
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static IOptions<RedisOptions> Options(TimeSpan? cacheTtl = null, TimeSpan? replyTtl = null) =>
        Microsoft.Extensions.Options.Options.Create(new RedisOptions
        {
            SnippetTtl = TimeSpan.FromDays(180),
            CacheTtl = cacheTtl ?? TimeSpan.FromDays(7),
            ReplyTtl = replyTtl ?? TimeSpan.FromDays(2),
        });

    [Fact]
    public async Task Saved_snippet_reads_back_equal_in_every_field()
    {
        var store = new RedisSnippetStore(redis.Redis, Options());
        var snippet = Samples.Snippet(parentId: SnippetId.New());

        await store.SaveAsync(snippet, None);
        var read = await store.GetAsync(snippet.Id, None);

        Assert.NotNull(read);
        Assert.Equal(snippet with { Args = [] }, read with { Args = [] });
        Assert.Equal(snippet.Args, read.Args);
    }

    [Fact]
    public async Task Snippet_is_stored_as_json_under_its_key_with_the_outcome_wire_word_and_the_snippet_ttl()
    {
        var store = new RedisSnippetStore(redis.Redis, Options());
        var snippet = Samples.Snippet();

        await store.SaveAsync(snippet, None);
        var db = redis.Redis.GetDatabase();
        var raw = (string?)await db.StringGetAsync($"codecube:snippet:{snippet.Id}");

        Assert.NotNull(raw);
        Assert.Contains("\"outcome\":\"compile_error\"", raw, StringComparison.Ordinal);
        var ttl = await db.KeyTimeToLiveAsync($"codecube:snippet:{snippet.Id}");
        Assert.InRange(ttl!.Value, TimeSpan.FromDays(179), TimeSpan.FromDays(180));
    }

    [Fact]
    public async Task Saving_an_existing_id_again_throws_and_keeps_the_first_snippet()
    {
        var store = new RedisSnippetStore(redis.Redis, Options());
        var first = Samples.Snippet(code: "first");
        await store.SaveAsync(first, None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.SaveAsync(first with { Code = "second" }, None));

        Assert.Equal("first", (await store.GetAsync(first.Id, None))!.Code);
    }

    [Theory]
    [InlineData("nope")]
    [InlineData("../../etc/passwd")]
    [InlineData("abcdefghijkl:cache")]
    public async Task Getting_an_unknown_or_malformed_id_returns_null(string id)
    {
        var store = new RedisSnippetStore(redis.Redis, Options());

        Assert.Null(await store.GetAsync(id, None));
    }

    [Fact]
    public async Task Absent_valid_id_returns_null()
    {
        Assert.Null(await new RedisSnippetStore(redis.Redis, Options()).GetAsync(SnippetId.New(), None));
    }

    [Fact]
    public async Task Cache_round_trips_a_result_and_sets_the_configured_ttl()
    {
        var cache = new RedisResultCache(redis.Redis, Options(cacheTtl: TimeSpan.FromHours(3)), NullLogger<RedisResultCache>.Instance);
        var key = Guid.NewGuid().ToString("N");

        await cache.SetAsync(key, Samples.Result(), None);
        var read = await cache.GetAsync(key, None);
        var ttl = await redis.Redis.GetDatabase().KeyTimeToLiveAsync($"codecube:cache:{key}");

        Assert.Equal(Samples.Result(), read);
        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, TimeSpan.FromHours(3) - TimeSpan.FromMinutes(1), TimeSpan.FromHours(3));
    }

    [Fact]
    public async Task Cache_entry_is_gone_after_its_ttl()
    {
        var cache = new RedisResultCache(redis.Redis, Options(cacheTtl: TimeSpan.FromSeconds(1)), NullLogger<RedisResultCache>.Instance);
        var key = Guid.NewGuid().ToString("N");
        await cache.SetAsync(key, Samples.Result(), None);

        // Redis expires keys on its own clock; poll rather than assume how long that takes.
        await Eventually.TrueAsync(async () => await cache.GetAsync(key, None) is null, "the cache entry to expire");
    }

    [Fact]
    public async Task Cache_miss_returns_null()
    {
        var cache = new RedisResultCache(redis.Redis, Options(), NullLogger<RedisResultCache>.Instance);

        Assert.Null(await cache.GetAsync(Guid.NewGuid().ToString("N"), None));
    }

    [Fact]
    public async Task Reply_map_sets_gets_and_removes_a_link_with_the_configured_ttl()
    {
        var map = new RedisReplyMap(redis.Redis, Options(replyTtl: TimeSpan.FromHours(5)), NullLogger<RedisReplyMap>.Instance);
        var message = Guid.NewGuid().ToString("N");
        var link = new ReplyLink("reply-1", SnippetId.New());

        await map.SetAsync("irc", "#codecube", message, link, None);
        var read = await map.GetAsync("irc", "#codecube", message, None);
        var ttl = await redis.Redis.GetDatabase().KeyTimeToLiveAsync($"codecube:reply:irc:#codecube:{message}");
        await map.RemoveAsync("irc", "#codecube", message, None);

        Assert.Equal(link, read);
        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, TimeSpan.FromHours(5) - TimeSpan.FromMinutes(1), TimeSpan.FromHours(5));
        Assert.Null(await map.GetAsync("irc", "#codecube", message, None));
    }

    [Fact]
    public async Task Reply_map_keeps_platforms_and_channels_apart()
    {
        var map = new RedisReplyMap(redis.Redis, Options(), NullLogger<RedisReplyMap>.Instance);
        var message = Guid.NewGuid().ToString("N");
        await map.SetAsync("slack", "C1", message, new ReplyLink("r", SnippetId.New()), None);

        Assert.Null(await map.GetAsync("discord", "C1", message, None));
        Assert.Null(await map.GetAsync("slack", "C2", message, None));
    }

    [Fact]
    public async Task Health_check_is_healthy_on_a_live_server_and_unhealthy_on_a_closed_port()
    {
        var live = await new RedisHealthCheck(redis.Redis).CheckHealthAsync(new());
        await using var dead = await ConnectionMultiplexer.ConnectAsync(
            $"127.0.0.1:{Loopback.FreePort()},abortConnect=false,connectTimeout=500");
        var down = await new RedisHealthCheck(dead).CheckHealthAsync(new());

        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, live.Status);
        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy, down.Status);
    }

    [Fact]
    public async Task Texts_are_stored_once_by_content_hash_and_a_read_renews_every_expiry()
    {
        var store = new RedisSnippetStore(redis.Redis, Options());
        var db = redis.Redis.GetDatabase();
        var code = "print('same program')\n# " + Guid.NewGuid();
        var first = Samples.Snippet(code: code);
        var second = Samples.Snippet(code: code);
        await store.SaveAsync(first, None);
        await store.SaveAsync(second, None);
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(code)));

        var raw = (string?)await db.StringGetAsync($"codecube:snippet:{first.Id}");
        Assert.DoesNotContain("same program", raw, StringComparison.Ordinal);
        Assert.Equal(code, (string?)await db.StringGetAsync($"codecube:blob:{hash}"));

        await db.KeyExpireAsync($"codecube:snippet:{first.Id}", TimeSpan.FromHours(1));
        await db.KeyExpireAsync($"codecube:blob:{hash}", TimeSpan.FromHours(1));
        Assert.Equal(code, (await store.GetAsync(first.Id, None))!.Code);
        Assert.True(await db.KeyTimeToLiveAsync($"codecube:snippet:{first.Id}") > TimeSpan.FromDays(179));
        Assert.True(await db.KeyTimeToLiveAsync($"codecube:blob:{hash}") > TimeSpan.FromDays(179));
        Assert.Equal(code, (await store.GetAsync(second.Id, None))!.Code);
    }
}

using CodeCube.Host.Storage;
using StackExchange.Redis;

namespace CodeCube.Host.Tests.Storage;

public sealed class RedisDurabilityTests
{
    private static readonly Microsoft.Extensions.Options.IOptions<RedisOptions> Ttl =
        Microsoft.Extensions.Options.Options.Create(new RedisOptions());

    [Fact]
    public async Task Restarting_redis_with_appendonly_yes_loses_no_snippet()
    {
        var saved = new List<Snippet>();
        var first = await RedisServer.StartAsync(appendOnly: true);
        var directory = first.Directory;
        try
        {
            await using (first)
            {
                await using var redis = await ConnectionMultiplexer.ConnectAsync(first.Configuration);
                var store = new RedisSnippetStore(redis, Ttl);
                for (var i = 0; i < 50; i++)
                {
                    var snippet = Samples.Snippet(code: $"print({i})");
                    await store.SaveAsync(snippet, CancellationToken.None);
                    saved.Add(snippet);
                }

                await first.ShutdownAsync();
            }

            await using var second = await RedisServer.StartAsync(appendOnly: true, directory: directory);
            await using var again = await ConnectionMultiplexer.ConnectAsync(second.Configuration);
            var reopened = new RedisSnippetStore(again, Ttl);
            foreach (var snippet in saved)
            {
                var read = await reopened.GetAsync(snippet.Id, CancellationToken.None);
                Assert.NotNull(read);
                Assert.Equal(snippet.Code, read.Code);
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}

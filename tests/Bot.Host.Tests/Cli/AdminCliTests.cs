using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CodeCube.Host.Cli;
using Microsoft.Extensions.Configuration;

namespace CodeCube.Host.Tests.Cli;

/// <summary>`codecube admin ...` in-process on a real redis-server, seen through the real host's pages.</summary>
[Collection(RedisCollection.Name)]
public sealed class AdminCliTests(RedisServerFixture redis, ITestOutputHelper output) : IDisposable
{
    private readonly CodeCubeFactory _factory = new(redis.Configuration, output);

    public void Dispose() => _factory.Dispose();

    private static async Task<(int Code, string Out, string Err)> AdminAsync(string redisConfiguration, params string[] words)
    {
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var settings = new Dictionary<string, string?> { ["Redis:Configuration"] = redisConfiguration };
        var code = await CliApp.RunAsync(["admin", .. words], stdout, stderr, b => b.AddInMemoryCollection(settings), CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Admin_delete_takes_the_permalink_down()
    {
        var client = _factory.CreateClient();
        var run = await client.PostAsJsonAsync("/api/v1/run", new { language = "python", code = "print take me down" });
        var id = JsonDocument.Parse(await run.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;

        var (code, output, _) = await AdminAsync(redis.Configuration, "delete", id);
        var (again, second, _) = await AdminAsync(redis.Configuration, "delete", id);
        var (unknown, _, error) = await AdminAsync(redis.Configuration, "delete", "AbCdEf123456");

        Assert.Equal(0, code);
        Assert.Equal($"removed snippet {id}; its permalink now answers 410 Gone\n", output.ReplaceLineEndings("\n"));
        Assert.Equal(HttpStatusCode.Gone, (await client.GetAsync($"/s/{id}")).StatusCode);
        Assert.Equal(0, again);
        Assert.Contains("removed already", second, StringComparison.Ordinal);
        Assert.Equal(1, unknown);
        Assert.Contains("there is no snippet AbCdEf123456", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_ban_lists_and_unban()
    {
        var user = $"irc:nick{Guid.NewGuid():N}";

        var ban = await AdminAsync(redis.Configuration, "ban", user);
        var list = await AdminAsync(redis.Configuration, "bans");
        var unban = await AdminAsync(redis.Configuration, "unban", user);
        var bad = await AdminAsync(redis.Configuration, "ban", "nobody");

        Assert.Equal((0, $"banned {user}"), (ban.Code, ban.Out.Trim()));
        Assert.Contains(user, list.Out.Split('\n').Select(l => l.Trim()));
        Assert.Equal((0, $"unbanned {user}"), (unban.Code, unban.Out.Trim()));
        Assert.Equal(CliApp.UsageError, bad.Code);
        Assert.Contains("is not PLATFORM:USER", bad.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_runs_prints_recent_runs_and_bad_usage_says_how()
    {
        var client = _factory.CreateClient();
        var run = await client.PostAsJsonAsync("/api/v1/run", new { language = "python", code = $"print {Guid.NewGuid()}" });
        var id = JsonDocument.Parse(await run.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;

        var runs = await AdminAsync(redis.Configuration, "runs", "--limit", "1");
        var usage = await AdminAsync(redis.Configuration, "frobnicate");

        Assert.Equal(0, runs.Code);
        Assert.Contains($"  {id}  python", runs.Out, StringComparison.Ordinal);
        Assert.Contains(" web  web:anon-", runs.Out, StringComparison.Ordinal);
        Assert.Equal(CliApp.UsageError, usage.Code);
        Assert.Contains("usage: codecube admin", usage.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_with_redis_down_says_so()
    {
        var (code, _, error) = await AdminAsync($"127.0.0.1:{Loopback.FreePort()},connectTimeout=500,syncTimeout=1000", "bans");

        Assert.Equal(CliApp.SandboxFailed, code);
        Assert.Contains("redis does not answer", error, StringComparison.Ordinal);
    }
}

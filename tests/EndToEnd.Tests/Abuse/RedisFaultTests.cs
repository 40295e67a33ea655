using System.Net;
using System.Text.Json;

namespace CodeCube.EndToEnd.Tests.Abuse;

/// <summary>
/// redis-server killed with SIGKILL under the real host: runs still run and answer (without a permalink) while it
/// is gone, the host reconnects by itself once it is back, and every snippet whose permalink was handed out is
/// still there (append-only file, as ./run.sh starts it).
/// </summary>
public sealed class RedisFaultTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly int _port = Loopback.FreePort();
    private RedisServer _redis = null!;
    private CodeCubeApp _app = null!;

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync(appendOnly: true, port: _port);
        _app = CodeCubeApp.Start($"127.0.0.1:{_port},connectTimeout=2000,asyncTimeout=2000", new Dictionary<string, string?>
        {
            ["Sandbox:Pool:Size"] = "0",
        }, output);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _redis.DisposeAsync();
        _redis.DeleteDirectory();
    }

    [Fact]
    public async Task Kill_9_of_redis_loses_no_acknowledged_snippet_and_runs_answer_while_it_is_gone()
    {
        var acknowledged = new List<(string Id, string Code)>();
        for (var i = 0; i < 20; i++)
        {
            var code = $"print({i} * 7)  # {Guid.NewGuid():N}";
            var saved = await RunAsync(code);
            acknowledged.Add((saved.GetProperty("id").GetString()!, code));
        }

        var directory = _redis.Directory;
        await _redis.DisposeAsync(); // SIGKILL

        var meanwhile = await RunAsync("print('still here')");
        Assert.Equal("completed", meanwhile.GetProperty("outcome").GetString());
        Assert.Equal("still here\n", meanwhile.GetProperty("stdout").GetString());
        Assert.Equal(JsonValueKind.Null, meanwhile.GetProperty("id").ValueKind);

        _redis = await RedisServer.StartAsync(appendOnly: true, directory: directory, port: _port);
        await Eventually.TrueAsync(
            async () => (await RunAsync("print('back')")).GetProperty("id").ValueKind != JsonValueKind.Null,
            "a run stored again after redis came back", TimeSpan.FromMinutes(2));

        foreach (var (id, code) in acknowledged)
        {
            var snippet = await _app.SnippetAsync(id);
            Assert.Equal(code, snippet.Code);
        }
    }

    private async Task<JsonElement> RunAsync(string code)
    {
        using var response = await _app.Http.PostAsJsonAsync("/api/v1/run", new { language = "python", code });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();
    }
}

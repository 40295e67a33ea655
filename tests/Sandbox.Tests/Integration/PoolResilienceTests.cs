using CodeCube.Sandbox.Languages;
using CodeCube.Sandbox.Pool;
using CodeCube.Testing.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CodeCube.Sandbox.Tests.Integration;

/// <summary>The refill loop outlives a failing engine: every failure is logged and retried after a growing backoff.</summary>
public sealed class PoolResilienceTests : IDisposable
{
    private readonly ImagesCopy images = new();
    private readonly FakeTimeProvider time = new();
    private readonly LogSink logs = new();

    public void Dispose() => images.Dispose();

    private List<string> Failures => [.. logs.Entries.Where(e => e.Level == LogLevel.Warning).Select(e => e.Message)];

    [Fact]
    public async Task An_unreachable_engine_is_logged_and_retried_with_backoff_until_shutdown()
    {
        images.WriteLock("""
            { "languages": { "python": { "image": "codecube/python:any", "version": "3", "digest": "sha256:0" } } }
            """);
        await using var provider = TestServices.Build(new Dictionary<string, string?>
        {
            ["Sandbox:DockerEndpoint"] = "unix:///tmp/codecube-no-such-engine.sock",
        }, (services, configuration) => services
            .AddLogging(b => b.AddProvider(logs))
            .AddSingleton<TimeProvider>(time)
            .AddSingleton(new LanguageRegistry(images.Path))
            .AddDockerSandbox(configuration));
        var pool = provider.GetRequiredService<WarmPool>();

        await pool.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => Failures.Count == 1, "the first failure to be logged");
        time.Advance(TimeSpan.FromMilliseconds(999));
        await Eventually.NeverAsync(() => Failures.Count > 1, "a retry came before its 1 s backoff");
        time.Advance(TimeSpan.FromMilliseconds(1));
        await Eventually.TrueAsync(() => Failures.Count == 2, "a retry after 1 s");
        time.Advance(TimeSpan.FromSeconds(2));
        await Eventually.TrueAsync(() => Failures.Count == 3, "a retry after 2 s more");

        Assert.All(Failures, f => Assert.Contains("not reachable", f, StringComparison.Ordinal));
        Assert.Contains("next try in 4 s", Failures[2], StringComparison.Ordinal);
        Assert.Equal(0, pool.Count("python"));
        await pool.StopAsync(CancellationToken.None);
    }
}

using System.Collections.Concurrent;
using CodeCube.Sandbox.Languages;
using CodeCube.Sandbox.Pool;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CodeCube.Sandbox.Tests.Integration;

/// <summary>The refill loop outlives a failing engine: every failure is logged and retried after a growing backoff.</summary>
public sealed class PoolResilienceTests : IDisposable
{
    private readonly string images = Directory.CreateTempSubdirectory("codecube-images-").FullName;
    private readonly FakeTimeProvider time = new();
    private readonly Collected logs = new();

    public PoolResilienceTests()
    {
        File.Copy(Path.Combine(TestPaths.RepoImages, "languages.json"), Path.Combine(images, "languages.json"));
        Directory.CreateDirectory(Path.Combine(images, ".build"));
        File.WriteAllText(Path.Combine(images, ".build", "images.json"), """
            { "languages": { "python": { "image": "codecube/python:any", "version": "3", "digest": "sha256:0" } } }
            """);
    }

    public void Dispose() => Directory.Delete(images, recursive: true);

    [Fact]
    public async Task An_unreachable_engine_is_logged_and_retried_with_backoff_until_shutdown()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sandbox:DockerEndpoint"] = "unix:///tmp/codecube-no-such-engine.sock",
        }).Build();
        await using var provider = new ServiceCollection()
            .AddLogging(b => b.AddProvider(logs))
            .AddSingleton<TimeProvider>(time)
            .AddSingleton(new LanguageRegistry(images))
            .AddDockerSandbox(configuration)
            .BuildServiceProvider();
        var pool = provider.GetRequiredService<WarmPool>();
        await pool.StartAsync(CancellationToken.None);
        await AdaptivePoolFixture.UntilAsync(() => Task.FromResult(logs.Failures.Count == 1), "the first failure is logged");
        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Single(logs.Failures);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await AdaptivePoolFixture.UntilAsync(() => Task.FromResult(logs.Failures.Count == 2), "a retry after 1 s");
        time.Advance(TimeSpan.FromSeconds(2));
        await AdaptivePoolFixture.UntilAsync(() => Task.FromResult(logs.Failures.Count == 3), "a retry after 2 s more");

        Assert.All(logs.Failures, f => Assert.Contains("not reachable", f, StringComparison.Ordinal));
        Assert.Contains("next try in 4 s", logs.Failures[2], StringComparison.Ordinal);
        Assert.Equal(0, pool.Count("python"));
        await pool.StopAsync(CancellationToken.None);
    }

    private sealed class Collected : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> failures = new();

        public List<string> Failures => [.. failures];

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName == typeof(WarmPool).FullName ? failures : null);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string>? sink) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => sink is not null;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (logLevel >= LogLevel.Warning)
                {
                    sink?.Enqueue(formatter(state, exception));
                }
            }
        }
    }
}

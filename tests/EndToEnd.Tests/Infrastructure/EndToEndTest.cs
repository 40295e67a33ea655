namespace CodeCube.EndToEnd.Tests.Infrastructure;

/// <summary>
/// One test's whole stack: its own redis-server, the servers the host talks to (a chat platform), and the real host
/// (<see cref="CodeCubeApp"/>) pointed at them, logging into the test's output; torn down in reverse order.
/// </summary>
public abstract class EndToEndTest(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>How long a wait for a real run (a container on a loaded two-core machine) may take before it fails.</summary>
    public static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(60);

    private readonly RedisServerFixture redis = new();

    protected CodeCubeApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await redis.InitializeAsync();
        App = CodeCubeApp.Start(redis.Configuration, await StartServersAsync(), output);
        await HostStartedAsync();
    }

    public async Task DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }

        await StopAroundAsync();
        await redis.DisposeAsync();
    }

    /// <summary>Starts what the host talks to and returns the settings that point the host at it.</summary>
    protected virtual Task<IReadOnlyDictionary<string, string?>> StartServersAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string?>>(new Dictionary<string, string?>());

    /// <summary>Runs once the host is up: waits, say, until its adapter has connected.</summary>
    protected virtual Task HostStartedAsync() => Task.CompletedTask;

    /// <summary>Stops what the test started around the host (its servers, a browser).</summary>
    protected virtual ValueTask StopAroundAsync() => ValueTask.CompletedTask;
}

using CodeCube.Sandbox.Pool;
using CodeCube.Testing.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CodeCube.Sandbox.Tests.Integration;

/// <summary>
/// The pool with its shipped adaptive policy and hosted services running, on a fake clock (so "idle for a minute"
/// is a step, not a wait). No run is in flight while the clock moves, so no run deadline fires.
/// </summary>
public class AdaptivePoolFixture : HostedSandboxFixture
{
    public AdaptivePoolFixture()
        : this(("Sandbox:Pool:Always", "python"), ("Sandbox:Pool:IdleAfter", "00:10:00"), ("Sandbox:Pool:MaxIdle", "1.00:00:00"))
    {
    }

    protected AdaptivePoolFixture(params (string Key, string Value)[] settings)
        : base(settings)
    {
    }

    public FakeTimeProvider Time { get; } = new();

    public LogSink Logs { get; } = new();

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<TimeProvider>(Time).AddLogging(b => b.AddProvider(Logs));

    /// <summary>
    /// Waits for the pool to hold at least <paramref name="atLeast"/>. A refill that failed (a loaded engine timing out)
    /// backs off on the fake clock, so each failure moves the clock past the longest backoff.
    /// </summary>
    internal async Task UntilReadyAsync(string language, int atLeast)
    {
        var failures = 0;
        try
        {
            await Eventually.TrueAsync(() =>
        {
            var now = Logs.Entries.Count(e => e.Message.StartsWith("Warm pool refill failed", StringComparison.Ordinal));
            if (now > failures)
            {
                failures = now;
                Time.Advance(TimeSpan.FromMinutes(1));
            }

            return Pool.Count(language) >= atLeast;
        }, $"{atLeast} {language} container(s) to be ready", TimeSpan.FromSeconds(90));
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException(e.Message + " Pool: " + string.Join("; ", Pool.Stats()) + " Log: " +
                string.Join(" | ", Logs.Entries.Where(l => l.Level >= LogLevel.Information).Select(l => l.Message)), e);
        }
    }

    internal async Task<int> EngineContainersAsync(string language)
    {
        await DrainRemovalsAsync();
        return (await TestSandbox.ContainersAsync(InstanceId)).Count(c => c.Labels["codecube.language"] == language);
    }
}

/// <summary>Budgets smaller than the floor asks for: three Always languages, room for two containers.</summary>
public sealed class TightBudgetFixture() : AdaptivePoolFixture(
    ("Sandbox:Pool:Always", "python,javascript,ruby"), ("Sandbox:Pool:MemoryBudgetMiB", "600"),
    ("Sandbox:Pool:MaxContainers", "3"));

public sealed class AdaptivePoolTests(AdaptivePoolFixture fixture) : IClassFixture<AdaptivePoolFixture>
{
    [Fact]
    public async Task A_language_run_once_gets_a_warm_container_and_drains_to_zero_when_idle()
    {
        await fixture.UntilReadyAsync("python", 1);
        Assert.Equal(0, fixture.Pool.Count("ruby"));

        var cold = await fixture.RunAsync("ruby", "puts 'first'");
        await fixture.UntilReadyAsync("ruby", 1);
        var warm = await fixture.RunAsync("ruby", "puts 'second'");

        Assert.Equal(("first\n", "second\n"), (cold.Stdout, warm.Stdout));
        var stats = fixture.Pool.Stats().Single(s => s.Language == "ruby");
        Assert.Equal((1L, 1L), (stats.Hits, stats.Misses));
        Assert.InRange(stats.Target, 1, 2);
        await fixture.UntilReadyAsync("ruby", 1);
        Assert.True(await fixture.EngineContainersAsync("ruby") >= 1);

        fixture.Time.Advance(TimeSpan.FromMinutes(10));

        // The clock keeps moving while we look, so the loop's next tick comes whatever it was doing.
        await Eventually.TrueAsync(async () =>
        {
            fixture.Time.Advance(TimeSpan.FromSeconds(1));
            return await fixture.EngineContainersAsync("ruby") == 0;
        }, "the idle ruby container to be removed", TimeSpan.FromSeconds(90));
        Assert.Equal(0, fixture.Pool.Count("ruby"));
        Assert.True(fixture.Pool.Count("python") >= 1, "the Always floor keeps python warm");
    }

    [Fact]
    public async Task Warm_and_cold_runs_of_the_same_language_give_the_same_result()
    {
        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => fixture.RunAsync("python", $"print({i} * 2)")));

        Assert.All(runs, r => Assert.Equal(RunOutcome.Completed, r.Outcome));
        Assert.Equal(["0\n", "2\n", "4\n", "6\n"], runs.Select(r => r.Stdout).ToArray());
    }
}

public sealed class PoolBudgetTests(TightBudgetFixture fixture) : IClassFixture<TightBudgetFixture>
{
    [Fact]
    public async Task The_memory_and_container_budgets_hold_under_demand()
    {
        await Eventually.TrueAsync(() => fixture.Pool.Count("python") + fixture.Pool.Count("javascript") == 2,
            "the two languages that fit to be ready", TimeSpan.FromSeconds(90));

        var runs = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => fixture.RunAsync("python", "print('busy')")));
        await fixture.UntilReadyAsync("python", 1);

        Assert.All(runs, r => Assert.Equal("busy\n", r.Stdout));
        await fixture.DrainRemovalsAsync();
        var left = await TestSandbox.ContainersAsync(fixture.InstanceId);
        Assert.True(left.Count <= 2, $"{left.Count} containers for a budget of 600 MiB (256 MiB each)");
        Assert.Equal(0, fixture.Pool.Count("ruby"));
    }
}

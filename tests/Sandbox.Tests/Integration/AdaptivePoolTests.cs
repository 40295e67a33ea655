using CodeCube.Core.Contracts;
using CodeCube.Sandbox.Pool;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CodeCube.Sandbox.Tests.Integration;

/// <summary>
/// The pool with its shipped adaptive policy and hosted services running, on a fake clock (so "idle for a minute"
/// is a step, not a wait). No run is in flight while the clock moves, so no run deadline fires.
/// </summary>
public class AdaptivePoolFixture : HostedSandboxFixture
{
    public FakeTimeProvider Time { get; } = new();

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Time);

    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Sandbox:Pool:Always"] = "python";
        settings["Sandbox:Pool:IdleAfter"] = "00:01:00";
    }

    /// <summary>Polls (real time) until <paramref name="done"/> holds; the pool works in the background.</summary>
    internal static async Task UntilAsync(Func<Task<bool>> done, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting until {what}");
            await Task.Delay(100);
        }
    }

    internal Task UntilReadyAsync(string language, int count) =>
        UntilAsync(() => Task.FromResult(Pool.Count(language) == count), $"{count} {language} container(s) are ready");

    internal async Task<int> EngineContainersAsync(string language)
    {
        await DrainRemovalsAsync();
        return (await ContainersAsync(InstanceId)).Count(c => c.Labels["codecube.language"] == language);
    }
}

/// <summary>Budgets smaller than the floor asks for: three Always languages, room for two containers.</summary>
public sealed class TightBudgetFixture : AdaptivePoolFixture
{
    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Sandbox:Pool:Always"] = "python,javascript,ruby";
        settings["Sandbox:Pool:MemoryBudgetMiB"] = "600";
        settings["Sandbox:Pool:MaxContainers"] = "3";
    }
}

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
        Assert.Equal((1L, 1L, 1), (stats.Hits, stats.Misses, stats.Target));
        await fixture.UntilReadyAsync("ruby", 1);
        Assert.Equal(1, await fixture.EngineContainersAsync("ruby"));

        fixture.Time.Advance(TimeSpan.FromSeconds(60));

        // The clock keeps moving while we look, so the loop's next tick comes whatever it was doing.
        await AdaptivePoolFixture.UntilAsync(async () =>
        {
            fixture.Time.Advance(TimeSpan.FromSeconds(1));
            return await fixture.EngineContainersAsync("ruby") == 0;
        }, "the idle ruby container is removed");
        Assert.Equal(0, fixture.Pool.Count("ruby"));
        Assert.Equal(1, fixture.Pool.Count("python"));
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
        await AdaptivePoolFixture.UntilAsync(() => Task.FromResult(fixture.Pool.Count("python") + fixture.Pool.Count("javascript") == 2),
            "the two languages that fit are ready");

        var runs = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => fixture.RunAsync("python", "print('busy')")));
        await fixture.UntilReadyAsync("python", 1);

        Assert.All(runs, r => Assert.Equal("busy\n", r.Stdout));
        await fixture.DrainRemovalsAsync();
        var left = await SandboxFixture.ContainersAsync(fixture.InstanceId);
        Assert.True(left.Count <= 2, $"{left.Count} containers for a budget of 600 MiB (256 MiB each)");
        Assert.Equal(0, fixture.Pool.Count("ruby"));
    }
}

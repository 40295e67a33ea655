using CodeCube.Sandbox.Pool;
using Microsoft.Extensions.Time.Testing;

namespace CodeCube.Sandbox.Tests.Unit.Pool;

public class PoolDemandTests
{
    private static readonly TimeSpan HalfLife = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider time = new();

    [Fact]
    public void A_steady_rate_reads_as_that_rate_and_halves_each_half_life_after_it_stops()
    {
        var demand = new PoolDemand(time, HalfLife);
        for (var i = 0; i < 2 * 300; i++)
        {
            demand.Record("python", hit: true);
            time.Advance(TimeSpan.FromMilliseconds(500));
        }

        Assert.InRange(demand.RunsPerSecond("python"), 1.9, 2.1);
        var before = demand.RunsPerSecond("python");

        time.Advance(HalfLife);

        Assert.InRange(demand.RunsPerSecond("python"), (before / 2) - 0.01, (before / 2) + 0.01);
        Assert.Equal(0, demand.RunsPerSecond("ruby"));
    }

    [Fact]
    public void A_burst_after_a_quiet_period_reads_as_its_own_rate_at_once()
    {
        var demand = new PoolDemand(time, HalfLife);
        demand.Record("go", hit: false);
        time.Advance(TimeSpan.FromMinutes(10));

        for (var i = 0; i < 30; i++)
        {
            demand.Record("go", hit: false);
            time.Advance(TimeSpan.FromMilliseconds(100));
        }

        Assert.InRange(demand.RunsPerSecond("go"), 8, 12);
    }

    [Fact]
    public void Recent_use_ends_after_the_window()
    {
        var demand = new PoolDemand(time, HalfLife);
        demand.Record("ruby", hit: false);

        time.Advance(TimeSpan.FromMinutes(9));
        Assert.True(demand.UsedWithin("ruby", TimeSpan.FromMinutes(10)));

        time.Advance(TimeSpan.FromMinutes(1));
        Assert.False(demand.UsedWithin("ruby", TimeSpan.FromMinutes(10)));
        Assert.False(demand.UsedWithin("go", TimeSpan.FromMinutes(10)));
    }

    [Fact]
    public void Hits_misses_and_start_times_are_kept_per_language()
    {
        var demand = new PoolDemand(time, HalfLife);
        demand.Record("python", hit: true);
        demand.Record("python", hit: false);
        demand.Record("python", hit: true);

        Assert.Equal((2L, 1L), demand.Counts("python"));
        Assert.Equal(PoolDemand.DefaultStartTime, demand.StartTime("python"));

        demand.RecordStart("python", TimeSpan.FromMilliseconds(200));
        demand.RecordStart("python", TimeSpan.FromMilliseconds(400));

        Assert.Equal(TimeSpan.FromMilliseconds(260), demand.StartTime("python"));
        Assert.Equal(["python"], demand.Known());
    }
}

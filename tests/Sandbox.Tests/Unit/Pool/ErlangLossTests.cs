using CodeCube.Sandbox.Pool;

namespace CodeCube.Sandbox.Tests.Unit.Pool;

public class ErlangLossTests
{
    // Erlang B from its closed form (a^S/S!) / Σ a^k/k!, computed exactly; the last rows are far beyond what
    // factorials in doubles could reach.
    [Theory]
    [InlineData(1, 1.0, 0.5)]
    [InlineData(2, 1.0, 0.2)]
    [InlineData(3, 1.0, 0.0625)]
    [InlineData(5, 2.0, 0.03669724770642202)]
    [InlineData(6, 2.0, 0.012084592145015107)]
    [InlineData(7, 2.0, 0.003440860215053764)]
    [InlineData(10, 5.0, 0.018384570336648136)]
    [InlineData(200, 150.0, 1.5038660387163715e-05)]
    [InlineData(1000, 1000.0, 0.02481191764616041)]
    public void Miss_chance_is_erlang_b(int containers, double load, double expected) =>
        Assert.Equal(expected, ErlangLoss.MissChance(containers, load), 1e-12);

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.3)]
    [InlineData(40.0)]
    public void With_no_container_every_run_misses(double load) => Assert.Equal(1.0, ErlangLoss.MissChance(0, load));

    [Fact]
    public void With_no_demand_no_run_misses() => Assert.Equal(0.0, ErlangLoss.MissChance(1, ErlangLoss.Load(0, TimeSpan.FromSeconds(2))));

    [Fact]
    public void The_load_is_the_rate_times_the_start_time() =>
        Assert.Equal(2.0, ErlangLoss.Load(4, TimeSpan.FromMilliseconds(500)), 1e-12);

    // Each further container saves fewer misses than the one before: what lets the policy hand out containers one at a
    // time to the biggest saving and end at the best allocation for its budget.
    [Theory]
    [InlineData(0.3, 0.5)]
    [InlineData(4.0, 0.5)]
    [InlineData(20.0, 3.0)]
    public void Each_further_container_saves_fewer_misses(double runsPerSecond, double startSeconds)
    {
        var load = ErlangLoss.Load(runsPerSecond, TimeSpan.FromSeconds(startSeconds));
        var saved = Enumerable.Range(0, 80).Select(s => ErlangLoss.MissesSavedByOneMore(s, runsPerSecond, load)).ToList();

        Assert.All(saved, s => Assert.True(s >= 0));
        Assert.All(saved.Zip(saved.Skip(1)), pair => Assert.True(pair.Second <= pair.First, $"{pair.Second} > {pair.First}"));
        Assert.Equal(runsPerSecond * (1 - ErlangLoss.MissChance(1, load)), saved[0], 1e-12);
    }
}

using CodeCube.Adapters.Irc;
using Microsoft.Extensions.Time.Testing;

namespace CodeCube.Adapters.Tests.Irc;

public sealed class CtcpBudgetTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void One_nick_is_answered_once_per_minute_whatever_it_sends()
    {
        var budget = new CtcpBudget(_time);

        Assert.True(budget.TryTake("mallory"));
        Assert.False(budget.TryTake("mallory"));
        Assert.False(budget.TryTake("MALLORY"));
        _time.Advance(CtcpBudget.PerNick);
        Assert.True(budget.TryTake("mallory"));
    }

    [Fact]
    public void Many_nicks_together_get_only_the_small_overall_budget()
    {
        var budget = new CtcpBudget(_time);

        var answered = Enumerable.Range(0, 100).Count(i => budget.TryTake($"clone{i}"));

        Assert.Equal(CtcpBudget.Burst, answered);
        _time.Advance(CtcpBudget.Interval);
        Assert.True(budget.TryTake("clone-late"));
        Assert.False(budget.TryTake("clone-later"));
    }
}

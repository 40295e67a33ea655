using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace CodeCube.Testing;

/// <summary>
/// A fake clock that counts the timers code under test creates, by due time. Code that arms a fresh timeout each
/// time round its loop creates one per pass, so a test can wait for "the loop went round with this timeout" instead
/// of sleeping.
/// </summary>
public sealed class CountingTimeProvider : FakeTimeProvider
{
    private readonly ConcurrentDictionary<TimeSpan, int> _created = new();

    /// <summary>How many timers were created so far with <paramref name="dueTime"/>.</summary>
    public int TimersCreated(TimeSpan dueTime) => _created.GetValueOrDefault(dueTime);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        _created.AddOrUpdate(dueTime, 1, (_, n) => n + 1);
        return base.CreateTimer(callback, state, dueTime, period);
    }
}

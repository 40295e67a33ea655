using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace CodeCube.Testing;

/// <summary>
/// A fake clock that counts the timers code under test creates, by due time. Code that arms a fresh timeout each
/// time round its loop creates one per pass, so a test can wait for "the loop went round with this timeout" instead
/// of sleeping. The due times are kept in order too, so a test can read what a random wait (a jittered backoff) came to.
/// </summary>
public sealed class CountingTimeProvider : FakeTimeProvider
{
    private readonly ConcurrentDictionary<TimeSpan, int> _created = new();
    private readonly ConcurrentQueue<TimeSpan> _dueTimes = new();

    /// <summary>How many timers were created so far with <paramref name="dueTime"/>.</summary>
    public int TimersCreated(TimeSpan dueTime) => _created.GetValueOrDefault(dueTime);

    /// <summary>The due times of all timers created so far, oldest first.</summary>
    public IReadOnlyList<TimeSpan> DueTimes => [.. _dueTimes];

    /// <summary>
    /// Waits for a timer, created after the first <paramref name="skip"/>, whose due time <paramref name="matches"/>,
    /// and returns its due time.
    /// </summary>
    public async Task<TimeSpan> NextDueTimeAsync(int skip, Func<TimeSpan, bool> matches, string what) =>
        (TimeSpan)await Eventually.ValueAsync(() => DueTimes.Skip(skip).Where(matches).Select(d => (object)d).FirstOrDefault(), what);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        _created.AddOrUpdate(dueTime, 1, (_, n) => n + 1);
        _dueTimes.Enqueue(dueTime);
        return base.CreateTimer(callback, state, dueTime, period);
    }
}

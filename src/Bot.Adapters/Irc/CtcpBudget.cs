namespace CodeCube.Adapters.Irc;

/// <summary>
/// CTCP answers get their own small budget, _overall and per nick, so a CTCP flood (or many clones) can take at most
/// a sliver of the line budget replies need: <see cref="Burst"/> answers at once, then one per
/// <see cref="Interval"/>, and one per nick per <see cref="PerNick"/>. Thread-safe.
/// </summary>
public sealed class CtcpBudget(TimeProvider time)
{
    public const int Burst = 2;
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan PerNick = TimeSpan.FromMinutes(1);
    private const int PruneAbove = 1_000;

    private readonly FloodLimiter _overall = new(Burst, Interval, time);
    private readonly Dictionary<string, long> _lastByNick = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();

    /// <summary>True when an answer to <paramref name="nick"/> fits the budget (and is then counted).</summary>
    public bool TryTake(string nick)
    {
        var now = time.GetTimestamp();
        lock (_gate)
        {
            if (_lastByNick.TryGetValue(nick, out var last) && time.GetElapsedTime(last, now) < PerNick)
            {
                return false;
            }

            if (!_overall.TryTake())
            {
                return false;
            }

            if (_lastByNick.Count >= PruneAbove)
            {
                foreach (var (key, stamp) in _lastByNick)
                {
                    if (time.GetElapsedTime(stamp, now) >= PerNick)
                    {
                        _lastByNick.Remove(key);
                    }
                }
            }

            _lastByNick[nick] = now;
            return true;
        }
    }
}

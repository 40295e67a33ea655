namespace CodeCube.Adapters.Irc;

/// <summary>
/// CTCP answers get their own small budget, overall and per nick, so a CTCP flood (or many clones) can take at most
/// a sliver of the line budget replies need: <see cref="Burst"/> answers at once, then one per
/// <see cref="Interval"/>, and one per nick per <see cref="PerNick"/>. Thread-safe.
/// </summary>
public sealed class CtcpBudget(TimeProvider time)
{
    public const int Burst = 2;
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan PerNick = TimeSpan.FromMinutes(1);
    private const int PruneAbove = 1_000;

    private readonly FloodLimiter overall = new(Burst, Interval, time);
    private readonly Dictionary<string, long> lastByNick = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock gate = new();

    /// <summary>True when an answer to <paramref name="nick"/> fits the budget (and is then counted).</summary>
    public bool TryTake(string nick)
    {
        var now = time.GetTimestamp();
        lock (gate)
        {
            if (lastByNick.TryGetValue(nick, out var last) && time.GetElapsedTime(last, now) < PerNick)
            {
                return false;
            }

            if (!overall.TryTake())
            {
                return false;
            }

            if (lastByNick.Count >= PruneAbove)
            {
                foreach (var (key, stamp) in lastByNick)
                {
                    if (time.GetElapsedTime(stamp, now) >= PerNick)
                    {
                        lastByNick.Remove(key);
                    }
                }
            }

            lastByNick[nick] = now;
            return true;
        }
    }
}

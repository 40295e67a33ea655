namespace CodeCube.Sandbox.Pool;

/// <summary>Counters for one language, for metrics: runs served warm, runs that started cold, containers ready.</summary>
public sealed record PoolLanguageStats(string Language, long Hits, long Misses, int Ready, int Target);

/// <summary>
/// Per-language demand: an exponentially decayed count of runs (half-life <c>Pool:DemandHalfLife</c>), the time of
/// the last run, hits and misses, and a moving average of how long a container takes to start. The count is
/// bias-corrected for how long the language has been busy (as Adam corrects its moments), so a burst after a quiet
/// period reads as the burst's rate at once instead of a half-life later.
/// </summary>
internal sealed class PoolDemand(TimeProvider time, TimeSpan halfLife)
{
    /// <summary>Assumed start time of a language never started yet; measured ones replace it.</summary>
    public static readonly TimeSpan DefaultStartTime = TimeSpan.FromSeconds(1);

    // Shortest window a rate is estimated over, so one run does not read as an infinite rate.
    private static readonly TimeSpan MinWindow = TimeSpan.FromSeconds(3);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public void Record(string language, bool hit)
    {
        var now = time.GetTimestamp();
        lock (_gate)
        {
            var e = Get(language);
            var before = Decayed(e, now);
            if (before < 0.5)
            {
                e.BusySince = now;
            }

            e.Count = before + 1;
            e.CountAt = now;
            e.LastRun = now;
            if (hit)
            {
                e.Hits++;
            }
            else
            {
                e.Misses++;
            }
        }
    }

    public void RecordStart(string language, TimeSpan took)
    {
        lock (_gate)
        {
            var e = Get(language);
            e.StartTime = e.StartTime is { } before ? (before * 0.7) + (took * 0.3) : took;
        }
    }

    /// <summary>Runs per second lately; a steady rate λ reads as λ once the estimate has settled.</summary>
    public double RunsPerSecond(string language)
    {
        lock (_gate)
        {
            if (!_entries.TryGetValue(language, out var e))
            {
                return 0;
            }

            var now = time.GetTimestamp();
            var busy = time.GetElapsedTime(e.BusySince, now);
            var seen = 1 - Math.Pow(0.5, (busy > MinWindow ? busy : MinWindow) / halfLife);
            return Decayed(e, now) * Math.Log(2) / halfLife.TotalSeconds / seen;
        }
    }

    public bool UsedWithin(string language, TimeSpan window)
    {
        lock (_gate)
        {
            return _entries.TryGetValue(language, out var e) && e.LastRun is { } last &&
                   time.GetElapsedTime(last) < window;
        }
    }

    public TimeSpan StartTime(string language)
    {
        lock (_gate)
        {
            return _entries.TryGetValue(language, out var e) && e.StartTime is { } t ? t : DefaultStartTime;
        }
    }

    public (long Hits, long Misses) Counts(string language)
    {
        lock (_gate)
        {
            return _entries.TryGetValue(language, out var e) ? (e.Hits, e.Misses) : (0, 0);
        }
    }

    public IReadOnlyList<string> Known()
    {
        lock (_gate)
        {
            return [.. _entries.Keys];
        }
    }

    private double Decayed(Entry e, long now) =>
        e.Count * Math.Pow(0.5, time.GetElapsedTime(e.CountAt, now) / halfLife);

    private Entry Get(string language)
    {
        if (!_entries.TryGetValue(language, out var e))
        {
            _entries[language] = e = new Entry { CountAt = time.GetTimestamp() };
        }

        return e;
    }

    private sealed class Entry
    {
        public double Count { get; set; }

        public long CountAt { get; set; }

        public long BusySince { get; set; }

        public long? LastRun { get; set; }

        public TimeSpan? StartTime { get; set; }

        public long Hits { get; set; }

        public long Misses { get; set; }
    }
}

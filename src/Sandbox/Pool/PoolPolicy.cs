namespace CodeCube.Sandbox.Pool;

/// <summary>What the pool knows about one language when it decides how many containers to keep ready.</summary>
/// <param name="RunsPerSecond">Recent demand (exponentially decayed request rate).</param>
/// <param name="RecentlyUsed">A run asked for it within <c>Pool:IdleAfter</c>.</param>
/// <param name="Always">Listed in <c>Pool:Always</c>: keeps one ready with no demand.</param>
/// <param name="MemoryMiB">The memory limit of one of its containers, what the budget counts.</param>
/// <param name="StartTime">How long replacing a taken container takes lately (the refill's lead time).</param>
internal sealed record LanguageDemand(
    string Language, double RunsPerSecond, bool RecentlyUsed, bool Always, long MemoryMiB, TimeSpan StartTime);

/// <param name="FixedSize">Null: adaptive. Otherwise exactly this many per language (0 = off).</param>
internal sealed record PoolBudget(int MaxContainers, long MemoryMiB, int? FixedSize);

/// <summary>
/// The pool's one decision, a pure function: demand in, ready containers per language out. Every language used lately
/// (or listed in <c>Always</c>) gets one container first (<c>Always</c> languages, then the busiest), and then each
/// further container goes where it saves the most misses per second per MiB (<see cref="ErlangLoss"/>), until a
/// language misses less than <see cref="MissGoal"/> or a budget is spent. The first run after a quiet period is cold
/// and the second is warm.
/// </summary>
internal static class PoolPolicy
{
    /// <summary>A language whose runs miss less often than this gets no further container.</summary>
    public const double MissGoal = 0.01;

    public static IReadOnlyDictionary<string, int> Targets(IReadOnlyList<LanguageDemand> languages, PoolBudget budget)
    {
        var targets = languages.ToDictionary(l => l.Language, _ => 0, StringComparer.Ordinal);
        if (budget.FixedSize == 0 || budget.MaxContainers == 0)
        {
            return targets;
        }

        var used = languages
            .Where(l => budget.FixedSize is not null || l.Always || l.RecentlyUsed)
            .OrderByDescending(l => l.Always)
            .ThenByDescending(l => l.RunsPerSecond)
            .ThenBy(l => l.Language, StringComparer.Ordinal)
            .ToList();
        var (count, memory) = (0, 0L);
        bool Fits(LanguageDemand l) => count < budget.MaxContainers && memory + l.MemoryMiB <= budget.MemoryMiB;
        void Give(LanguageDemand l)
        {
            targets[l.Language]++;
            count++;
            memory += l.MemoryMiB;
        }

        foreach (var language in used.Where(Fits))
        {
            Give(language);
        }

        while (true)
        {
            var next = used
                .Where(l => targets[l.Language] > 0 && Fits(l))
                .Select(l => (Language: l, Gain: Gain(l, targets[l.Language], budget.FixedSize)))
                .Where(g => g.Gain > 0)
                .OrderByDescending(g => g.Gain)
                .Select(g => g.Language)
                .FirstOrDefault();
            if (next is null)
            {
                return targets;
            }

            Give(next);
        }
    }

    // Misses saved per second per MiB by one more container; a fixed size instead fills every language evenly.
    private static double Gain(LanguageDemand l, int have, int? fixedSize)
    {
        if (fixedSize is { } size)
        {
            return have < size ? 1.0 / (have + 1) : 0;
        }

        var load = ErlangLoss.Load(l.RunsPerSecond, l.StartTime);
        return ErlangLoss.MissChance(have, load) < MissGoal
            ? 0
            : ErlangLoss.MissesSavedByOneMore(have, l.RunsPerSecond, load) / Math.Max(1, l.MemoryMiB);
    }
}

namespace CodeCube.Sandbox.Pool;

/// <summary>What the pool knows about one language when it decides how many containers to keep ready.</summary>
/// <param name="RunsPerSecond">Recent demand (exponentially decayed request rate).</param>
/// <param name="RecentlyUsed">A run asked for it within <c>Pool:IdleAfter</c>.</param>
/// <param name="Always">Listed in <c>Pool:Always</c>: keeps one ready with no demand.</param>
/// <param name="MemoryMiB">The memory limit of one of its containers, what the budget counts.</param>
/// <param name="StartTime">How long starting one of its containers takes lately.</param>
internal sealed record LanguageDemand(
    string Language, double RunsPerSecond, bool RecentlyUsed, bool Always, long MemoryMiB, TimeSpan StartTime);

/// <param name="FixedSize">Null: adaptive. Otherwise exactly this many per language (0 = off).</param>
internal sealed record PoolBudget(int MaxContainers, long MemoryMiB, int? FixedSize);

/// <summary>
/// The pool's one decision, a pure function: demand in, ready containers per language out.
/// A language wants as many containers as will be asked for while one is being started (Little's law: rate ×
/// start time), doubled for bursts, and at least one once it has been used (so a language's first run after a quiet
/// period is cold and the second is warm). The budgets are then shared out: first one each (<c>Always</c>
/// languages, then the busiest), then one at a time to whichever language has the smallest share of what it wants.
/// </summary>
internal static class PoolPolicy
{
    /// <summary>Spare containers per container expected to be in flight, for bursts.</summary>
    public const double Headroom = 2.0;

    public static IReadOnlyDictionary<string, int> Targets(IReadOnlyList<LanguageDemand> languages, PoolBudget budget)
    {
        var targets = languages.ToDictionary(l => l.Language, _ => 0, StringComparer.Ordinal);
        if (budget.FixedSize == 0 || budget.MaxContainers == 0)
        {
            return targets;
        }

        var wanted = languages
            .Select(l => (Demand: l, Want: Want(l, budget.FixedSize)))
            .Where(w => w.Want > 0)
            .OrderByDescending(w => w.Demand.Always)
            .ThenByDescending(w => w.Demand.RunsPerSecond)
            .ThenBy(w => w.Demand.Language, StringComparer.Ordinal)
            .ToList();
        var (count, memory) = (0, 0L);
        bool Fits(LanguageDemand l) => count < budget.MaxContainers && memory + l.MemoryMiB <= budget.MemoryMiB;
        void Give(LanguageDemand l)
        {
            targets[l.Language]++;
            count++;
            memory += l.MemoryMiB;
        }

        foreach (var (demand, _) in wanted)
        {
            if (Fits(demand))
            {
                Give(demand);
            }
        }

        while (true)
        {
            var next = wanted
                .Where(w => targets[w.Demand.Language] is > 0 and var have && have < w.Want && Fits(w.Demand))
                .OrderBy(w => (double)targets[w.Demand.Language] / w.Want)
                .Select(w => w.Demand)
                .FirstOrDefault();
            if (next is null)
            {
                return targets;
            }

            Give(next);
        }
    }

    private static int Want(LanguageDemand language, int? fixedSize)
    {
        if (fixedSize is { } size)
        {
            return size;
        }

        if (!language.Always && !language.RecentlyUsed)
        {
            return 0;
        }

        var inFlight = language.RunsPerSecond * language.StartTime.TotalSeconds * Headroom;
        return Math.Max(1, (int)Math.Ceiling(inFlight));
    }
}

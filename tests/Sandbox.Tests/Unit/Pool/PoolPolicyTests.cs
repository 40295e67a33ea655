using System.Globalization;
using CodeCube.Sandbox.Pool;

namespace CodeCube.Sandbox.Tests.Unit.Pool;

/// <summary>
/// The pool's decision as a table. A language is written <c>id [always] [recent] [rate=R/s] [mem=MiB] [start=s]</c>
/// (defaults: 0 runs/s, 256 MiB, 0.5 s to start); a budget <c>max=N mem=MiB [size=N]</c>.
/// </summary>
public class PoolPolicyTests
{
    private const string Roomy = "max=16 mem=3072";

    public static TheoryData<string, string, string, string> Cases => new()
    {
        { "with no demand only the Always floor is kept", "python always; javascript always; ruby", Roomy,
            "python=1 javascript=1 ruby=0" },
        { "one run keeps one ready, so the second run is warm", "python always; ruby recent rate=0.02", Roomy,
            "python=1 ruby=1" },
        { "a language idle past IdleAfter drains to zero", "python always; ruby rate=0.01", Roomy,
            "python=1 ruby=0" },
        { "demand sets the size: rate × start time × 2", "python always recent rate=4 start=0.5", Roomy,
            "python=4" },
        { "the mixed workload fits the default budget in proportion to demand",
            "python always recent rate=5 start=0.4; javascript always recent rate=2 start=0.4; c recent rate=1 start=0.4; " +
            "go recent rate=1 mem=512 start=0.4; java recent rate=1 mem=512 start=0.4", Roomy,
            "python=4 javascript=2 c=1 go=1 java=1" },
        { "the container budget goes to whoever has the smallest share of what it wants",
            "python always recent rate=5 start=0.4; javascript always recent rate=2 start=0.4", "max=3 mem=3072",
            "python=2 javascript=1" },
        { "a language too big for the memory left does not block a smaller one",
            "python always; java recent rate=1 mem=512; c recent rate=0.5", "max=16 mem=700",
            "python=1 java=0 c=1" },
        { "the Always floor comes before busier languages", "ruby recent rate=9; python always", "max=1 mem=3072",
            "ruby=0 python=1" },
        { "a fixed Size is kept for every language, demand or not", "python; ruby recent rate=3; go mem=512",
            "max=16 mem=3072 size=2", "python=2 ruby=2 go=2" },
        { "a fixed Size still respects the budgets (ties go alphabetically)", "python; ruby; go mem=512", "max=5 mem=3072 size=2",
            "python=2 ruby=1 go=2" },
        { "Size 0 turns the pool off", "python always recent rate=5", "max=16 mem=3072 size=0", "python=0" },
        { "MaxContainers 0 turns the pool off", "python always recent rate=5", "max=0 mem=3072", "python=0" },
        { "a zero memory budget keeps nothing", "python always recent rate=5", "max=16 mem=0", "python=0" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Demand_and_budget_decide_the_targets(string why, string languages, string budget, string expected)
    {
        var targets = PoolPolicy.Targets(ParseLanguages(languages), ParseBudget(budget));

        Assert.True(
            expected == string.Join(' ', targets.Select(t => $"{t.Key}={t.Value}")),
            $"{why}: expected {expected}, got {string.Join(' ', targets.Select(t => $"{t.Key}={t.Value}"))}");
    }

    [Fact]
    public void Targets_never_exceed_either_budget()
    {
        var random = new Random(13);
        for (var i = 0; i < 500; i++)
        {
            var languages = Enumerable.Range(0, random.Next(1, 12)).Select(n => new LanguageDemand(
                $"l{n}", random.NextDouble() * 20, random.Next(2) == 0, random.Next(4) == 0,
                random.Next(1, 5) * 128, TimeSpan.FromSeconds(random.NextDouble() * 3))).ToList();
            var budget = new PoolBudget(random.Next(0, 20), random.Next(0, 4096), random.Next(3) == 0 ? random.Next(0, 4) : null);

            var targets = PoolPolicy.Targets(languages, budget);

            Assert.True(targets.Values.Sum() <= budget.MaxContainers);
            Assert.True(languages.Sum(l => targets[l.Language] * l.MemoryMiB) <= budget.MemoryMiB);
            Assert.All(languages.Where(l => !l.Always && !l.RecentlyUsed && budget.FixedSize is null),
                l => Assert.Equal(0, targets[l.Language]));
        }
    }

    private static List<LanguageDemand> ParseLanguages(string text) =>
        [.. text.Split(';', StringSplitOptions.TrimEntries).Select(entry =>
        {
            var words = entry.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            string? Value(string key) => words.FirstOrDefault(w => w.StartsWith(key + "=", StringComparison.Ordinal))?[(key.Length + 1)..];
            double Number(string key, double fallback) => Value(key) is { } v ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;
            return new LanguageDemand(words[0], Number("rate", 0), words.Contains("recent"), words.Contains("always"),
                (long)Number("mem", 256), TimeSpan.FromSeconds(Number("start", 0.5)));
        })];

    private static PoolBudget ParseBudget(string text)
    {
        var values = text.Split(' ').Select(w => w.Split('=')).ToDictionary(p => p[0], p => int.Parse(p[1], CultureInfo.InvariantCulture));
        return new PoolBudget(values["max"], values["mem"], values.TryGetValue("size", out var size) ? size : null);
    }
}

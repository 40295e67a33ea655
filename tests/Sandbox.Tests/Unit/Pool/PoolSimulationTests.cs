using CodeCube.Sandbox.Pool;
using Microsoft.Extensions.Time.Testing;

namespace CodeCube.Sandbox.Tests.Unit.Pool;

/// <summary>
/// The benchmark's mixed workload played on a fake clock against the pool's own rules (<see cref="PoolLedger{T}"/>,
/// <see cref="PoolDemand"/>, <see cref="PoolPolicy"/>): runs arrive at random, 3 a second, python, javascript, c,
/// go and java at 50/20/10/10/10; every container (pooled or a run's own) takes the start time ±30 % to start, at
/// most 4 start at once (runs' own first), and the refill re-decides after every event, as <see cref="WarmPool"/>
/// does. Deterministic (seeded), so a change in
/// the policy shows up as a change in these numbers, not as noise.
/// </summary>
[Collection(PoolSimulationCollection.Name)]
public class PoolSimulationTests
{
    // A quarter of the benchmark machine's 23.5 GiB: the shipped default there.
    private const long MemoryBudgetMiB = 6016;
    private const int MaxContainers = 16;
    private const double PerSecond = 3;

    // What the pool allows on the 2-core benchmark machine (WarmPool.StartParallelism there).
    private const int StartParallelism = 4;

    private static readonly (string Id, int Weight, long MemoryMiB, bool Always)[] Mix =
        [("python", 50, 256, true), ("javascript", 20, 256, true), ("c", 10, 256, false), ("go", 10, 512, false), ("java", 10, 512, false)];

    // A container starts in about 0.5 s on the quiet benchmark machine and in 0.7 s under moderate load. Near 1 s
    // four at a time start 4 a second, barely more than arrive, and a burst of arrivals can leave the pool behind for
    // the rest of the window (seeds 1–10 gave 46–100 %, 91 % on average), so that is left out.
    [Theory]
    [InlineData(0.5)]
    [InlineData(0.7)]
    public void The_mixed_workload_is_served_warm_after_the_first_minute(double startSeconds)
    {
        var rates = new List<double>();
        for (var seed = 1; seed <= 10; seed++)
        {
            var sim = new Simulation(TimeSpan.FromSeconds(startSeconds), seed);
            var (hits, runs, peak) = sim.Run(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(30));
            var rate = (double)hits / runs;
            rates.Add(rate);

            Assert.True(rate >= 0.9, $"seed {seed}: {hits} of {runs} runs warm ({rate:P0}); {sim.Describe()}");
            Assert.True(peak <= MaxContainers, $"seed {seed}: {peak} containers ready at once");
        }

        Assert.True(rates.Average() >= 0.95, $"{rates.Average():P0} warm on average: {string.Join(' ', rates.Select(r => $"{r:P0}"))}");
    }

    [Fact]
    public void Runs_of_a_language_that_went_quiet_are_cold_once_then_warm()
    {
        var sim = new Simulation(TimeSpan.FromSeconds(0.5), seed: 7);
        sim.Run(TimeSpan.FromSeconds(30), TimeSpan.Zero);

        Assert.Equal([TakeKind.Cold, TakeKind.Warm, TakeKind.Warm], sim.Burst("ruby", 3, TimeSpan.FromSeconds(2)));
    }

    private sealed class Simulation
    {
        private readonly FakeTimeProvider time = new();
        private readonly PriorityQueue<Action, (TimeSpan At, long Order)> events = new();
        private readonly PoolLedger<string> ledger = new(_ => true);
        private readonly List<(Task<string?> Launch, string Language)> joined = [];
        private readonly TimeSpan startTime;
        private readonly Random random;
        private readonly PoolDemand demand;
        private readonly DateTimeOffset epoch;
        private IReadOnlyDictionary<string, int> targets = new Dictionary<string, int>();
        private long order;
        private int names;

        public Simulation(TimeSpan startTime, int seed)
        {
            this.startTime = startTime;
            random = new Random(seed);
            demand = new PoolDemand(time, TimeSpan.FromSeconds(30));
            epoch = time.GetUtcNow();
        }

        public (int Hits, int Runs, int Peak) Run(TimeSpan warmUp, TimeSpan measured)
        {
            var (hits, runs, peak) = (0, 0, 0);
            var end = Now + warmUp + measured;
            var measureFrom = Now + warmUp;
            At(Now, Arrive);
            void Arrive()
            {
                var language = Pick();
                var kind = Take(language);
                if (Now >= measureFrom)
                {
                    runs++;
                    hits += kind == TakeKind.Warm ? 1 : 0;
                }

                var next = Now + TimeSpan.FromSeconds(-Math.Log(1 - random.NextDouble()) / PerSecond);
                if (next < end)
                {
                    At(next, Arrive);
                }
            }

            while (events.TryDequeue(out var step, out var when))
            {
                time.Advance(when.At - Now);
                step();
                Refill();
                peak = Math.Max(peak, Mix.Sum(m => ledger.Ready(m.Id)));
            }

            return (hits, runs, peak);
        }

        /// <summary>A few runs of one language, <paramref name="apart"/> from each other.</summary>
        public List<TakeKind> Burst(string language, int count, TimeSpan apart)
        {
            var kinds = new List<TakeKind>();
            for (var i = 0; i < count; i++)
            {
                At(Now + (apart * i), () => kinds.Add(Take(language)));
            }

            while (events.TryDequeue(out var step, out var when))
            {
                time.Advance(when.At - Now);
                step();
                Refill(language);
            }

            return kinds;
        }

        /// <summary>Per language: demand, start time, target, ready, hits and misses (for a failure message).</summary>
        public string Describe() => string.Join("; ", Mix.Select(m =>
            $"{m.Id} {demand.RunsPerSecond(m.Id):0.00}/s start {demand.StartTime(m.Id).TotalSeconds:0.00}s " +
            $"target {targets.GetValueOrDefault(m.Id)} ready {ledger.Ready(m.Id)} hits/misses {demand.Counts(m.Id)}"));

        private TimeSpan Now => time.GetUtcNow() - epoch;

        private TakeKind Take(string language)
        {
            var take = ledger.Take(language);
            demand.Record(language, take.Kind == TakeKind.Warm);
            if (take.Kind == TakeKind.Cold)
            {
                At(Now + StartTime(), ledger.EndColdStart);
            }
            else if (take.Kind == TakeKind.Joined)
            {
                joined.Add((take.Launch!, language));
            }

            return take.Kind;
        }

        private void Refill(params string[] extra)
        {
            var languages = Mix.Select(m => (m.Id, m.MemoryMiB, m.Always)).Concat(extra.Select(e => (Id: e, MemoryMiB: 256L, Always: false)));
            targets = PoolPolicy.Targets(
                [.. languages.Select(l => new LanguageDemand(l.Id, demand.RunsPerSecond(l.Id),
                    demand.UsedWithin(l.Id, TimeSpan.FromMinutes(10)), l.Always, l.MemoryMiB, demand.StartTime(l.Id)))],
                new PoolBudget(MaxContainers, MemoryBudgetMiB, null));
            foreach (var language in ledger.Plan(targets, StartParallelism).Launch)
            {
                var took = StartTime();
                At(Now + took, () =>
                {
                    demand.RecordStart(language, took);
                    ledger.Launched(language, $"{language}-{names++}");
                    // A joined run has its container (or, if none came, starts its own) as soon as the hand-off is made.
                    foreach (var done in joined.Where(j => j.Launch.IsCompleted).ToList())
                    {
                        joined.Remove(done);
                        if (done.Launch.Result is null)
                        {
                            ledger.BeginColdStart();
                            At(Now + StartTime(), ledger.EndColdStart);
                        }
                    }
                });
            }
        }

        private string Pick()
        {
            var n = random.Next(Mix.Sum(m => m.Weight));
            foreach (var m in Mix)
            {
                if ((n -= m.Weight) < 0)
                {
                    return m.Id;
                }
            }

            throw new InvalidOperationException();
        }

        private TimeSpan StartTime() => startTime * (0.7 + (0.6 * random.NextDouble()));

        private void At(TimeSpan when, Action step) => events.Enqueue(step, (when, order++));
    }
}

/// <summary>
/// Runs alone: twenty simulated minutes allocate tens of MiB in a few seconds, and a test that runs beside it
/// (HostileTests' output flood) counts the whole process's allocations.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PoolSimulationCollection
{
    public const string Name = "pool simulation";
}

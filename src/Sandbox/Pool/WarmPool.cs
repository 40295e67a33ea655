using System.Collections.Concurrent;
using CodeCube.Sandbox.Diagnostics;
using CodeCube.Sandbox.Docker;
using CodeCube.Sandbox.Languages;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CodeCube.Sandbox.Pool;

/// <summary>
/// Started containers, each blocked on stdin waiting for its header, kept ready per language. A run takes one (single
/// use: it is removed after the run) or, when there is none, starts its own. How many each language keeps is
/// <see cref="PoolPolicy"/>'s decision over recent demand and the budgets; a background loop trims and refills to
/// it after every take and every few seconds, and starts nothing while a run is starting its own container.
/// Everything left is removed on shutdown.
/// </summary>
internal sealed class WarmPool(
    ContainerLauncher launcher,
    LanguageRegistry registry,
    IOptions<SandboxOptions> options,
    TimeProvider time,
    ILogger<WarmPool> logger) : BackgroundService, IPoolStats
{
    // Re-decides this often without takes, so idle languages drain and stale containers are replaced.
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(60);
    private static readonly int RefillParallelism = Math.Max(2, Environment.ProcessorCount);

    private readonly ConcurrentDictionary<string, ConcurrentQueue<StartedContainer>> _ready = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<StartedContainer> _discarded = new();
    private readonly PoolSignal _wake = new();
    private readonly PoolDemand _demand = new(time, options.Value.Pool.DemandHalfLife);
    private readonly ColdStarts _coldStarts = new();
    private volatile IReadOnlyDictionary<string, int> _targets = new Dictionary<string, int>();

    private WarmPoolOptions Options => options.Value.Pool;

    private bool Off => Options.Size == 0 || Options.MaxContainers == 0;

    public int Count(string language) => _ready.TryGetValue(language, out var queue) ? queue.Count : 0;

    public int Target(string language) => _targets.GetValueOrDefault(language);

    /// <summary>Per-language hits, misses, ready and target counts (for metrics).</summary>
    public IReadOnlyList<PoolLanguageStats> Stats() =>
        [.. _demand.Known().Union(_ready.Keys).Order(StringComparer.Ordinal).Select(id =>
        {
            var (hits, misses) = _demand.Counts(id);
            return new PoolLanguageStats(id, hits, misses, Count(id), Target(id));
        })];

    /// <summary>Marks a run that is starting its own container; the refill waits until it is disposed.</summary>
    public IDisposable BeginColdStart() => _coldStarts.Begin();

    /// <summary>A started container for <paramref name="language"/>, or null (pool off, empty or stale).</summary>
    public StartedContainer? TryTake(LanguageSpec language)
    {
        StartedContainer? taken = null;
        if (_ready.TryGetValue(language.Id, out var queue))
        {
            while (taken is null && queue.TryDequeue(out var candidate))
            {
                if (IsFresh(candidate, language))
                {
                    taken = candidate;
                }
                else
                {
                    // Removed by the refill loop, so a run never waits for it.
                    _discarded.Enqueue(candidate);
                }
            }
        }

        _demand.Record(language.Id, hit: taken is not null);
        _wake.Set();
        return taken;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Off)
        {
            return;
        }

        var backoff = TimeSpan.Zero;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RefillAsync(stoppingToken).ConfigureAwait(false);
                backoff = TimeSpan.Zero;
                await _wake.WaitAsync(Tick, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // Runs fall back to cold starts meanwhile; takes do not cut the backoff short.
                backoff = backoff == TimeSpan.Zero ? FirstBackoff : TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
                // The delay starts before the log line, so whoever reads the line can count on the timer.
                var delay = Task.Delay(backoff, time, stoppingToken);
                logger.PoolRefillFailed(e.GetType().Name, e.Message, backoff.TotalSeconds);
                try
                {
                    await delay.ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    /// <summary>One pass: decide, remove what is stale or beyond the target, then start what is missing.</summary>
    private async Task RefillAsync(CancellationToken ct)
    {
        var specs = registry.Specs.Where(Poolable).ToList();
        var decided = PoolPolicy.Targets([.. specs.Select(Describe)], new PoolBudget(
            Options.MaxContainers, Options.EffectiveMemoryBudgetMiB, Options.Size));
        _targets = decided;

        var removals = new List<Task>();
        while (_discarded.TryDequeue(out var stale))
        {
            removals.Add(launcher.RemoveAsync(stale));
        }

        var current = specs.ToDictionary(s => s.Id, StringComparer.Ordinal);
        foreach (var (id, queue) in _ready)
        {
            var keep = decided.GetValueOrDefault(id);
            var excess = queue.Count - keep;
            // One rotation through the queue: fresh ones go back (oldest removed first when over the target).
            for (var n = queue.Count; n > 0 && queue.TryDequeue(out var container); n--)
            {
                if (excess-- > 0 || !current.TryGetValue(id, out var spec) || !IsFresh(container, spec))
                {
                    removals.Add(launcher.RemoveAsync(container));
                }
                else
                {
                    queue.Enqueue(container);
                }
            }
        }

        await Task.WhenAll(removals).ConfigureAwait(false);

        // Round-robin over languages, so every language gets its first container before any gets a second.
        var missing = specs.Select(s => (Spec: s, Missing: decided.GetValueOrDefault(s.Id) - Count(s.Id))).ToList();
        var launches = Enumerable.Range(0, missing.Select(m => m.Missing).DefaultIfEmpty(0).Max())
            .SelectMany(round => missing.Where(m => m.Missing > round).Select(m => m.Spec))
            .ToList();
        await Parallel.ForEachAsync(
            launches,
            new ParallelOptions { MaxDegreeOfParallelism = RefillParallelism, CancellationToken = ct },
            async (spec, token) =>
            {
                await _coldStarts.WhenNoneAsync(token).ConfigureAwait(false);
                var begin = time.GetTimestamp();
                var container = await launcher.LaunchAsync(spec, token, pooled: true).ConfigureAwait(false);
                _demand.RecordStart(spec.Id, time.GetElapsedTime(begin));
                _ready.GetOrAdd(spec.Id, _ => new ConcurrentQueue<StartedContainer>()).Enqueue(container);
            }).ConfigureAwait(false);
    }

    private LanguageDemand Describe(LanguageSpec spec)
    {
        var always = Options.AlwaysLanguages.Any(a => registry.TryGetSpec(a, out var s) && s.Id == spec.Id);
        return new LanguageDemand(
            spec.Id,
            _demand.RunsPerSecond(spec.Id),
            _demand.UsedWithin(spec.Id, Options.IdleAfter),
            always,
            EffectiveLimits.For(spec, options.Value).MemoryBytes / (1024 * 1024),
            _demand.StartTime(spec.Id));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await DrainAsync().ConfigureAwait(false);
    }

    /// <summary>Removes every pooled container.</summary>
    public async Task DrainAsync()
    {
        var removals = new List<Task>();
        while (_discarded.TryDequeue(out var stale))
        {
            removals.Add(launcher.RemoveAsync(stale));
        }

        foreach (var queue in _ready.Values)
        {
            while (queue.TryDequeue(out var container))
            {
                removals.Add(launcher.RemoveAsync(container));
            }
        }

        await Task.WhenAll(removals).ConfigureAwait(false);
    }

    private bool Poolable(LanguageSpec language) =>
        language.Image is not null &&
        (Options.Languages.Count == 0 || Options.Languages.Contains(language.Id, StringComparer.OrdinalIgnoreCase));

    private bool IsFresh(StartedContainer container, LanguageSpec current) =>
        container.Language.Image == current.Image &&
        time.GetElapsedTime(container.StartedTimestamp) < Options.MaxIdle;
}

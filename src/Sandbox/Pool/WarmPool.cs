using System.Collections.Concurrent;
using CodeCube.Sandbox.Diagnostics;
using CodeCube.Sandbox.Docker;
using CodeCube.Sandbox.Languages;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CodeCube.Sandbox.Pool;

/// <summary>
/// Started containers, each blocked on stdin waiting for its header, kept ready per language. A run takes one
/// (single use: it is removed after the run), or waits for one the pool is already starting, or starts its own
/// (<see cref="PoolLedger{T}"/> holds these rules). How many each language keeps is <see cref="PoolPolicy"/>'s
/// decision over recent demand and the budgets; a background loop removes what is stale or beyond the target and
/// begins launches towards it after every take (or, while another container of the language is ready, once the
/// take's run has ended), every finished launch and every few seconds, never while a run waits. Shutdown lets
/// launches in flight finish and removes everything.
/// </summary>
internal sealed class WarmPool(
    ContainerLauncher launcher,
    ContainerRemover remover,
    LanguageRegistry registry,
    IOptions<SandboxOptions> options,
    TimeProvider time,
    ILogger<WarmPool> logger) : BackgroundService, IPoolStats
{
    // Re-decides this often without takes, so idle languages drain and stale containers are replaced.
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Containers starting at once at most (runs' own first). Measured on 2 cores: 1 at a time starts 1.4/s, 2 give
    /// 2.2/s, 4 give 3.1/s at the same latency, 8 no more than 4 at three times the latency.
    /// </summary>
    public static readonly int StartParallelism = Math.Max(4, 2 * Environment.ProcessorCount);

    /// <summary>The longest a warm take's refill waits for its run to end (see <see cref="AcquireAsync"/>).</summary>
    internal static readonly TimeSpan RefillDeferral = TimeSpan.FromMilliseconds(250);

    private readonly PoolSignal _wake = new();
    private ITimer? _deferredWake;
    private readonly PoolDemand _demand = new(time, options.Value.Pool.DemandHalfLife);
    private readonly ConcurrentDictionary<Task, byte> _launches = new();
    private readonly ConcurrentQueue<Exception> _failures = new();
    private int _launchedSinceFailure;
    private readonly PoolLedger<StartedContainer> _ledger = new(c => IsFresh(c, registry, options.Value.Pool, time));
    private volatile IReadOnlyDictionary<string, int> _targets = new Dictionary<string, int>();

    private WarmPoolOptions Options => options.Value.Pool;

    private bool Off => Options.Size == 0 || Options.MaxContainers == 0;

    public int Count(string language) => _ledger.Ready(language);

    public int Target(string language) => _targets.GetValueOrDefault(language);

    /// <summary>Per-language hits, misses, ready and target counts (for metrics).</summary>
    public IReadOnlyList<PoolLanguageStats> Stats() =>
        [.. _demand.Known().Union(_ledger.Languages()).Order(StringComparer.Ordinal).Select(id =>
        {
            var (hits, misses) = _demand.Counts(id);
            return new PoolLanguageStats(id, hits, misses, Count(id), Target(id));
        })];

    /// <summary>
    /// A started container for a run: a ready one, else the one the pool is starting for this language if any is
    /// unclaimed, else one started for this run alone (which the refill does not compete with).
    /// </summary>
    public async Task<(StartedContainer Container, TakeKind Kind)> AcquireAsync(LanguageSpec language, CancellationToken ct)
    {
        var take = Off ? new PoolTake<StartedContainer>(TakeKind.Cold, null, null, []) : _ledger.Take(language.Id);
        foreach (var stale in take.Stale)
        {
            remover.Remove(stale);
        }

        _demand.Record(language.Id, hit: take.Kind == TakeKind.Warm);
        if (take.Container is { } warm && _ledger.Ready(language.Id) > 0)
        {
            // Another one is ready for the next run, so the replacement can wait: started now it would take the CPU
            // the program about to run here needs (on 2 cores a start keeps dockerd, containerd and runc busy for
            // about 100 ms). It begins when the run ends (RunEnded), or after RefillDeferral for a long run.
            DeferWake();
            return (warm, TakeKind.Warm);
        }

        _wake.Set();
        if (take.Container is { } last)
        {
            return (last, TakeKind.Warm);
        }

        if (take.Launch is { } launch && await JoinAsync(language, launch, ct).ConfigureAwait(false) is { } joined)
        {
            return (joined, TakeKind.Joined);
        }

        if (take.Kind == TakeKind.Joined)
        {
            // The launch it waited for failed: start its own, as a cold run.
            _ledger.BeginColdStart();
        }

        try
        {
            return (await launcher.LaunchAsync(language, ct).ConfigureAwait(false), TakeKind.Cold);
        }
        finally
        {
            if (!Off)
            {
                _ledger.EndColdStart();
                _wake.Set();
            }
        }
    }

    /// <summary>A run on a container from <see cref="AcquireAsync"/> has ended: a deferred refill may begin.</summary>
    public void RunEnded() => _wake.Set();

    private void DeferWake()
    {
        var timer = Volatile.Read(ref _deferredWake);
        if (timer is null)
        {
            var created = time.CreateTimer(_ => _wake.Set(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            timer = Interlocked.CompareExchange(ref _deferredWake, created, null) ?? created;
            if (timer != created)
            {
                created.Dispose();
            }
        }

        timer.Change(RefillDeferral, Timeout.InfiniteTimeSpan);
    }

    private async Task<StartedContainer?> JoinAsync(LanguageSpec language, Task<StartedContainer?> launch, CancellationToken ct)
    {
        try
        {
            return await launch.WaitAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Handed over just as the caller left: the container goes back for the next run.
            if (_ledger.Withdraw(language.Id, launch) is { } handed)
            {
                _ledger.Return(language.Id, handed);
            }

            throw;
        }
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
                if (_failures.TryDequeue(out var failure))
                {
                    _failures.Clear();
                    throw failure;
                }

                if (Interlocked.Exchange(ref _launchedSinceFailure, 0) == 1)
                {
                    backoff = TimeSpan.Zero;
                }

                Refill(stoppingToken);
                await _wake.WaitAsync(Tick, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // Runs fall back to cold starts meanwhile; takes do not cut the backoff short.
                Volatile.Write(ref _launchedSinceFailure, 0);
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

                // Failures of launches begun before the backoff are the same trouble, already reported.
                _failures.Clear();
            }
        }
    }

    /// <summary>One step: decide, hand what is stale or beyond the target to the remover, begin what is missing.</summary>
    private void Refill(CancellationToken ct)
    {
        var specs = registry.Specs.Where(Poolable).ToDictionary(s => s.Id, StringComparer.Ordinal);
        var always = Options.AlwaysLanguages
            .Select(a => registry.TryGetSpec(a, out var s) ? s.Id : null)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        // Runs on every take: only languages that may get a container are described (a handful of the sixty).
        var candidates = specs.Values
            .Where(s => Options.Size is not null || always.Contains(s.Id) || _demand.UsedWithin(s.Id, Options.IdleAfter))
            .Select(s => Describe(s, always.Contains(s.Id)));
        var decided = PoolPolicy.Targets([.. candidates], new PoolBudget(
            Options.MaxContainers, Options.EffectiveMemoryBudgetMiB, Options.Size));
        _targets = decided;

        var (remove, launch) = _ledger.Plan(decided, StartParallelism);
        foreach (var container in remove)
        {
            remover.Remove(container);
        }

        foreach (var id in launch)
        {
            var task = LaunchAsync(specs[id], ct);
            _launches.TryAdd(task, 0);
            // Registered after the add, so a launch that already finished is still taken out of the set.
            task.ContinueWith(done => _launches.TryRemove(done, out _), CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    // Never throws: a failure is queued for the loop, which logs it and backs off.
    private async Task LaunchAsync(LanguageSpec spec, CancellationToken ct)
    {
        try
        {
            var begin = time.GetTimestamp();
            var container = await launcher.LaunchAsync(spec, ct, pooled: true).ConfigureAwait(false);
            _demand.RecordStart(spec.Id, time.GetElapsedTime(begin));
            _ledger.Launched(spec.Id, container);
            // Only a launch that worked ends the backoff: planning one proves nothing about the engine.
            Volatile.Write(ref _launchedSinceFailure, 1);
        }
        catch (Exception e)
        {
            _ledger.LaunchFailed(spec.Id);
            if (!ct.IsCancellationRequested)
            {
                _failures.Enqueue(e);
            }
        }
        finally
        {
            _wake.Set();
        }
    }

    private LanguageDemand Describe(LanguageSpec spec, bool always) =>
        new(
            spec.Id,
            _demand.RunsPerSecond(spec.Id),
            _demand.UsedWithin(spec.Id, Options.IdleAfter),
            always,
            EffectiveLimits.For(spec, options.Value).MemoryBytes / (1024 * 1024),
            _demand.StartTime(spec.Id));

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _deferredWake?.Dispose();
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await DrainAsync().ConfigureAwait(false);
    }

    /// <summary>Waits for launches in flight, then removes every pooled container (and waits for the removals).</summary>
    public async Task DrainAsync()
    {
        await Task.WhenAll(_launches.Keys).ConfigureAwait(false);
        foreach (var container in _ledger.Drain())
        {
            remover.Remove(container);
        }

        await remover.DrainAsync().ConfigureAwait(false);
    }

    private bool Poolable(LanguageSpec language) =>
        language.Image is not null &&
        (Options.Languages.Count == 0 || Options.Languages.Contains(language.Id, StringComparer.OrdinalIgnoreCase));

    private static bool IsFresh(
        StartedContainer container, LanguageRegistry registry, WarmPoolOptions options, TimeProvider time) =>
        registry.TryGetSpec(container.Language.Id, out var current) &&
        container.Language.Image == current.Image &&
        time.GetElapsedTime(container.StartedTimestamp) < options.MaxIdle;
}

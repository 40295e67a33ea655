using Docker.DotNet;
using System.Collections.Concurrent;
using CodeCube.Sandbox.Diagnostics;
using CodeCube.Sandbox.Docker;
using CodeCube.Sandbox.Languages;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CodeCube.Sandbox.Pool;

/// <summary>
/// Keeps <c>Sandbox:Pool:Size</c> started containers per language, each blocked on stdin waiting for its header.
/// A run takes one (single use: it is removed after the run) and the pool refills in the background; when the pool
/// is empty the run starts a container cold. Everything left is removed on shutdown.
/// </summary>
internal sealed class WarmPool(
    ContainerLauncher launcher,
    LanguageRegistry registry,
    IOptions<SandboxOptions> options,
    TimeProvider time,
    ILogger<WarmPool> logger) : BackgroundService, IPoolStats
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<StartedContainer>> _ready = new();
    private readonly ConcurrentQueue<StartedContainer> _discarded = new();
    private readonly SemaphoreSlim _wake = new(0);

    private int Size => options.Value.Pool.Size;

    public int Count(string language) => _ready.TryGetValue(language, out var queue) ? queue.Count : 0;

    public IEnumerable<KeyValuePair<string, int>> ReadyByLanguage() =>
        _ready.Select(p => KeyValuePair.Create(p.Key, p.Value.Count));

    /// <summary>A started container for <paramref name="language"/>, or null (pool off, empty or stale).</summary>
    public StartedContainer? TryTake(LanguageSpec language)
    {
        if (Size == 0 || !_ready.TryGetValue(language.Id, out var queue))
        {
            return null;
        }

        StartedContainer? taken = null;
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

        _wake.Release();
        return taken;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Size == 0)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            while (_discarded.TryDequeue(out var stale))
            {
                await launcher.RemoveAsync(stale).ConfigureAwait(false);
            }

            var failed = false;
            foreach (var language in registry.Specs.Where(ShouldPool))
            {
                failed |= !await FillAsync(language, stoppingToken).ConfigureAwait(false);
            }

            try
            {
                // Wake on a take, or now and then to replace containers that idled too long.
                await _wake.WaitAsync(failed ? RetryDelay : TimeSpan.FromSeconds(30), stoppingToken)
                    .ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
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

    private bool ShouldPool(LanguageSpec language) =>
        language.Image is not null &&
        (options.Value.Pool.Languages.Count == 0 ||
         options.Value.Pool.Languages.Contains(language.Id, StringComparer.OrdinalIgnoreCase));

    private bool IsFresh(StartedContainer container, LanguageSpec current) =>
        container.Language.Image == current.Image &&
        time.GetElapsedTime(container.StartedTimestamp) < options.Value.Pool.MaxIdle;

    private async Task<bool> FillAsync(LanguageSpec language, CancellationToken ct)
    {
        var queue = _ready.GetOrAdd(language.Id, _ => new ConcurrentQueue<StartedContainer>());
        foreach (var stale in queue.Where(c => !IsFresh(c, language)).ToList())
        {
            // Stale ones are skipped by TryTake; taking them out here keeps the count honest.
            if (queue.TryPeek(out var head) && head == stale && queue.TryDequeue(out var removed))
            {
                await launcher.RemoveAsync(removed).ConfigureAwait(false);
            }
        }

        while (queue.Count < Size && !ct.IsCancellationRequested)
        {
            try
            {
                queue.Enqueue(await launcher.LaunchAsync(language, ct, pooled: true).ConfigureAwait(false));
            }
            catch (Exception e) when (e is SandboxFailure or DockerApiException)
            {
                // Runs fall back to cold starts meanwhile; the loop tries again shortly.
                logger.PoolFillFailed(language.Id, e.Message);
                return false;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return true;
            }
        }

        return true;
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }
}

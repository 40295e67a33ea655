using Docker.DotNet;
using CodeCube.Sandbox.Languages;
using Docker.DotNet.Models;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CodeCube.Sandbox.Docker;

/// <summary>
/// Removes leftover run containers (labelled <c>codecube=1</c>): this instance's once they are no longer in use and
/// older than the run limit, those of a dead host on this machine (<see cref="HostLease"/>) at once, never those of
/// another live instance on this machine (it reaps its own), and other machines' once older than any run could last. Runs at start and every
/// <c>Sandbox:ReaperInterval</c>.
/// </summary>
internal sealed class ContainerReaper(
    DockerEngine engine,
    SandboxInstance instance,
    LanguageRegistry registry,
    IOptions<SandboxOptions> options,
    TimeProvider time,
    ILogger<ContainerReaper> logger) : BackgroundService
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);

    // A sweep that fails (engine away, a bug) is logged and tried again sooner, doubling up to the interval: the
    // reaper must outlive any engine trouble, and a dead reaper would stop the host.
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.ReaperInterval;
        var retry = FirstRetry;
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = interval;
            try
            {
                await ReapAsync(stoppingToken).ConfigureAwait(false);
                retry = FirstRetry;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                wait = retry < interval ? retry : interval;
                retry *= 2;
                logger.ReaperSweepFailed(e, e.Message, wait);
            }

            try
            {
                await Task.Delay(wait, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>An extra <c>key=value</c> label a container must carry to be considered (tests scope a sweep with it).</summary>
    internal string? ExtraLabelFilter { get; set; }

    /// <summary>One sweep; returns how many containers were removed.</summary>
    public async Task<int> ReapAsync(CancellationToken ct)
    {
        var list = new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>>
            {
                ["label"] = new Dictionary<string, bool> { [$"{RunContainerSpec.Label}=1"] = true },
            },
        };
        if (ExtraLabelFilter is { } extra)
        {
            list.Filters["label"][extra] = true;
        }

        var containers = await engine.CallAsync(t => engine.Client.Containers.ListContainersAsync(list, t), ct)
            .ConfigureAwait(false);
        var now = time.GetUtcNow();
        var removed = 0;
        foreach (var container in containers)
        {
            if (instance.IsLive(container.ID))
            {
                continue;
            }

            var created = new DateTimeOffset(DateTime.SpecifyKind(container.Created, DateTimeKind.Utc));
            var lease = Label(container.Labels, HostLease.Label);
            if (Label(container.Labels, RunContainerSpec.InstanceLabel) != instance.Id && HostLease.IsAlive(lease))
            {
                // Another live instance on this machine owns it and reaps its own, by its own limits.
                continue;
            }

            var orphan = HostLease.IsDead(lease);
            if (!orphan && now - created < MinimumAge(container.Labels))
            {
                continue;
            }

            await engine.CallAsync(
                t => RemoveQuietlyAsync(container.ID, t), ct).ConfigureAwait(false);
            removed++;
            logger.Reaped(container.ID.Length > 12 ? container.ID[..12] : container.ID);
        }

        return removed;
    }

    private TimeSpan MinimumAge(IDictionary<string, string>? labels)
    {
        var o = options.Value;
        var owner = Label(labels, RunContainerSpec.InstanceLabel);
        if (owner == instance.Id)
        {
            // Not live here, so no run is using it: it only has to be clearly past a run.
            return o.RunTimeout;
        }

        var longestCompile = registry.Specs
            .Select(s => EffectiveLimits.For(s, o))
            .Select(l => (long)l.CompileTimeoutMs + l.RunTimeoutMs)
            .DefaultIfEmpty((long)(o.CompileTimeout + o.RunTimeout).TotalMilliseconds)
            .Max();
        var age = TimeSpan.FromMilliseconds(longestCompile) + o.ReaperGrace;
        if (Label(labels, RunContainerSpec.PooledLabel) == "1")
        {
            // Another live instance may keep it warm that long.
            age += o.Pool.MaxIdle;
        }

        return age;
    }

    private static string? Label(IDictionary<string, string>? labels, string name) =>
        labels is not null && labels.TryGetValue(name, out var value) ? value : null;

    private async Task RemoveQuietlyAsync(string id, CancellationToken ct)
    {
        try
        {
            await engine.Client.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true }, ct)
                .ConfigureAwait(false);
        }
        catch (DockerApiException)
        {
            // Removed meanwhile by its owner, or removal already in progress.
        }
    }

}

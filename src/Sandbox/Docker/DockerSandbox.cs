using System.Text;
using CodeCube.Core.Contracts;
using CodeCube.Core.Options;
using CodeCube.Core.Replies;
using CodeCube.Sandbox.Diagnostics;
using CodeCube.Sandbox.Languages;
using CodeCube.Sandbox.Pool;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CodeCube.Sandbox.Docker;

/// <summary>
/// <see cref="ISandbox"/> on Docker: takes a started container (from the warm pool, or cold), sends the request
/// into it, and removes it afterwards whatever happened, cancellation included.
/// </summary>
internal sealed class DockerSandbox(
    LanguageRegistry registry,
    ContainerLauncher launcher,
    RunExecutor executor,
    WarmPool pool,
    ContainerRemover remover,
    IOptions<SandboxOptions> options,
    IOptions<InputLimitsOptions> limits,
    TimeProvider time,
    SandboxMetrics metrics,
    ILogger<DockerSandbox> logger) : ISandbox
{
    public async Task<RunResult> RunAsync(RunRequest request, IProgress<OutputChunk>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!registry.TryGetSpec(request.Language, out var language))
        {
            var close = registry.Suggest(request.Language);
            var hint = close.Count > 0 ? $"; did you mean {string.Join(", ", close)}?" : "";
            return RunResult.SandboxError(request.Language, "", $"unknown language '{request.Language}'{hint}");
        }

        var info = language.Info;
        var tooBig = CheckSizes(request);
        if (tooBig is not null)
        {
            return RunResult.SandboxError(info.Id, info.Version, tooBig);
        }

        var begin = time.GetTimestamp();
        StartedContainer? container = null;
        try
        {
            (container, var kind) = await pool.AcquireAsync(language, ct).ConfigureAwait(false);
            var pooled = kind != TakeKind.Cold;
            metrics.Took(info.Id, kind == TakeKind.Warm);
            var result = await executor.ExecuteAsync(container, request, progress, ct).ConfigureAwait(false);
            if (pooled && result.Outcome == RunOutcome.SandboxError && result.Detail != RunOutcomeMapper.LostRun)
            {
                // A pooled container can die while it waits (killed from outside, engine restart); the program
                // never started in it, so one cold retry is safe.
                logger.PooledRetry(info.Id, container.ShortId, result.Detail ?? "");
                var dead = container;
                container = null;
                await launcher.RemoveAsync(dead).ConfigureAwait(false);
                container = await launcher.LaunchAsync(language, ct).ConfigureAwait(false);
                kind = TakeKind.Cold;
                result = await executor.ExecuteAsync(container, request, progress, ct).ConfigureAwait(false);
            }

            logger.Ran(info.Id, container.ShortId, Start(kind), result.Outcome.ToWire(), result.WallMs);
            return result;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Whatever the engine did (went away mid-run, answered with an error, dropped the stream), the run is a
            // sandbox_error with a short public reason; addresses and daemon text stay in the log.
            logger.SandboxError(e, info.Id, e.Message);
            var detail = e is SandboxFailure failure ? failure.PublicDetail : SandboxFailure.Unavailable;
            var wall = (long)time.GetElapsedTime(begin).TotalMilliseconds;
            return RunResult.SandboxError(info.Id, info.Version, detail, wall) with
            {
                Limits = EffectiveLimits.For(language, options.Value).Applied,
            };
        }
        finally
        {
            if (container is not null && ct.IsCancellationRequested)
            {
                // A cancelled caller is going away: finish the cleanup before it does.
                await launcher.RemoveAsync(container).ConfigureAwait(false);
            }
            else if (container is not null)
            {
                // The result is known; the user need not wait for the teardown.
                remover.Remove(container);
            }

            pool.RunEnded();
        }
    }

    // The run log's word for how the container came: the benchmark counts "warm" lines as pool hits.
    private static string Start(TakeKind kind) => kind switch
    {
        TakeKind.Warm => "warm",
        TakeKind.Joined => "joined",
        _ => "cold",
    };

    private string? CheckSizes(RunRequest request)
    {
        var o = limits.Value;
        if (Encoding.UTF8.GetByteCount(request.Code) > o.MaxCodeBytes)
        {
            return $"the code is larger than {ByteSize.Format(o.MaxCodeBytes)}";
        }

        if (Encoding.UTF8.GetByteCount(request.Stdin) > o.MaxStdinBytes)
        {
            return $"stdin is larger than {ByteSize.Format(o.MaxStdinBytes)}";
        }

        return null;
    }
}

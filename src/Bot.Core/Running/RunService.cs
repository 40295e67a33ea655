using System.Security.Cryptography;
using System.Text;
using CodeCube.Core.Contracts;
using CodeCube.Core.Pipeline;
using CodeCube.Core.Quotas;
using Microsoft.Extensions.Logging;

namespace CodeCube.Core.Running;

/// <summary>
/// Result cache, then a run slot and the sandbox, then store. Every run is stored, even a failed one; only a
/// completed run or compile error that the sandbox saw from start to end (<see cref="RunResult.FullyObserved"/>)
/// is cached, never timeouts, kills, output caps or sandbox errors.
/// </summary>
public sealed class RunService(
    ISandbox sandbox,
    ILanguageRegistry languages,
    ISnippetStore store,
    IResultCache cache,
    IPermalinks permalinks,
    TimeProvider time,
    RunMetrics metrics,
    ILogger<RunService> logger) : IRunService
{
    public async Task<RunRecord> RunAsync(
        RunTicket ticket,
        RunRequest request,
        SnippetAuthor author,
        SnippetOrigin origin,
        string? parentId,
        IProgress<OutputChunk>? progress,
        CancellationToken ct)
    {
        using var activity = RunMetrics.Activities.StartActivity("codecube.run");
        activity?.SetTag("codecube.language", request.Language);
        activity?.SetTag("codecube.origin", origin.Platform);
        var key = languages.TryResolve(request.Language, out var language) ? CacheKey(language, request) : null;
        var cached = key is null ? null : await cache.GetAsync(key, ct).ConfigureAwait(false);
        var result = cached;
        if (result is null)
        {
            ArgumentNullException.ThrowIfNull(ticket);
            var queued = time.GetTimestamp();
            await ticket.WaitForSlotAsync(ct).ConfigureAwait(false);
            metrics.Waited(time.GetElapsedTime(queued), WaitQueue.RunSlot);
            result = await sandbox.RunAsync(request, progress, ct).ConfigureAwait(false);
        }

        if (cached is not null)
        {
            // A live view still wants to see the output, even when it came from the cache.
            Replay(cached, progress);
        }
        else if (key is not null && IsCacheable(result))
        {
            await cache.SetAsync(key, result, ct).ConfigureAwait(false);
        }

        var snippet = new Snippet(
            SnippetId.New(), result.Language, result.Version, request.Code, request.Stdin, request.Arguments,
            result.Stdout, result.Stderr, result.Outcome, result.ExitCode, result.WallMs, result.Truncated,
            author, origin, time.GetUtcNow(), parentId, result.Detail);
        var permalink = "";
        try
        {
            await store.SaveAsync(snippet, ct).ConfigureAwait(false);
            permalink = permalinks.For(snippet.Id);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // The run happened and its output is worth showing; only the permalink is missing (storage away).
            logger.SaveFailed(e, snippet.Id);
        }

        var record = new RunRecord(snippet, result, cached is not null, permalink);
        metrics.Ran(record, origin);
        logger.RunFinished(snippet.Id, result.Language, result.Outcome.ToWire(), result.WallMs, origin.Platform,
            UserHash(author), record.FromCache);
        activity?.SetTag("codecube.snippet", snippet.Id);
        activity?.SetTag("codecube.outcome", result.Outcome.ToWire());
        return record;
    }

    /// <summary>A short, stable pseudonym for a platform user, for logs: 12 hex of SHA-256 over platform and id.</summary>
    public static string UserHash(SnippetAuthor author)
    {
        ArgumentNullException.ThrowIfNull(author);
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{author.Platform}\n{author.UserId}"));
        return Convert.ToHexStringLower(bytes)[..12];
    }

    public static bool IsCacheable(RunResult result) =>
        result.FullyObserved && result.Outcome is RunOutcome.Completed or RunOutcome.CompileError;

    /// <summary>SHA-256 over everything that decides a run's output: image, language, limits, code, stdin, args.</summary>
    public static string CacheKey(LanguageInfo language, RunRequest request)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string value)
        {
            var bytes = Encoding.UTF8.GetBytes(value);
            hash.AppendData(BitConverter.GetBytes(bytes.Length));
            hash.AppendData(bytes);
        }

        Add(language.ImageDigest);
        Add(language.Id);
        Add(language.Version);
        Add(language.LimitsKey);
        Add(request.Code);
        Add(request.Stdin);
        foreach (var arg in request.Arguments)
        {
            Add(arg);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void Replay(RunResult result, IProgress<OutputChunk>? progress)
    {
        if (progress is null)
        {
            return;
        }

        if (result.Stdout.Length > 0)
        {
            progress.Report(new OutputChunk(OutputStream.Stdout, result.Stdout));
        }

        if (result.Stderr.Length > 0)
        {
            progress.Report(new OutputChunk(OutputStream.Stderr, result.Stderr));
        }
    }
}

namespace CodeCube.Core.Contracts;

/// <summary>Caches results of identical runs. Only deterministic outcomes are cached.</summary>
public interface IResultCache
{
    Task<RunResult?> GetAsync(string key, CancellationToken ct);

    Task SetAsync(string key, RunResult result, CancellationToken ct);
}

namespace CodeCube.Core.Contracts;

/// <summary>Runs untrusted code in a hardened, single-use container.</summary>
public interface ISandbox
{
    /// <summary>
    /// Runs <paramref name="request"/> once. Never throws for expected failures (timeouts, OOM, engine down):
    /// those come back as a <see cref="RunResult"/> with the matching <see cref="RunOutcome"/>.
    /// </summary>
    Task<RunResult> RunAsync(RunRequest request, IProgress<OutputChunk>? progress, CancellationToken ct);
}

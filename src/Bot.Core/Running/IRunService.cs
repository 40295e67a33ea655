using CodeCube.Core.Contracts;

namespace CodeCube.Core.Running;

/// <summary>
/// The one place a run happens for every front end (chat, web, API): result cache, sandbox, store.
/// Every run is recorded, even when it fails.
/// </summary>
public interface IRunService
{
    Task<RunRecord> RunAsync(
        RunRequest request,
        SnippetAuthor author,
        SnippetOrigin origin,
        string? parentId,
        IProgress<OutputChunk>? progress,
        CancellationToken ct);
}

using CodeCube.Core.Contracts;

namespace CodeCube.Core.Running;

/// <summary>
/// The one place a run happens for every front end (chat, web, API): result cache, sandbox, store.
/// Every run is recorded, even when it fails. A run needs a <see cref="Quotas.RunTicket"/> from the one
/// <see cref="Quotas.RunGate"/>: the service waits for its slot before a container is started (a cached answer
/// needs none); the caller disposes the ticket when it is done.
/// </summary>
public interface IRunService
{
    Task<RunRecord> RunAsync(
        Quotas.RunTicket ticket,
        RunRequest request,
        SnippetAuthor author,
        SnippetOrigin origin,
        string? parentId,
        IProgress<OutputChunk>? progress,
        CancellationToken ct);
}

namespace CodeCube.Core.Contracts;

/// <summary>Stores snippets. Snippets are never changed: an edit is a new snippet whose parent is the old one.</summary>
public interface ISnippetStore
{
    Task SaveAsync(Snippet snippet, CancellationToken ct);

    Task<Snippet?> GetAsync(string id, CancellationToken ct);
}

using System.Collections.Concurrent;

namespace CodeCube.Adapters.Slack;

/// <summary>
/// Message ids that now stand for another message, because an edit had to delete and re-send (file shares
/// cannot be edited). The caller keeps the first SentMessage; this maps it onward.
/// </summary>
internal sealed class SlackReplacements
{
    /// <summary>Marks a file share: its id is "file:F…", since completeUploadExternal returns no message ts.</summary>
    public const string FilePrefix = "file:";

    // Replacements are rare (an edited run whose output became a file); the cap only bounds a pathological case.
    private const int Capacity = 10_000;
    private readonly ConcurrentDictionary<string, string> _map = new(StringComparer.Ordinal);

    public static bool IsFile(string id) => id.StartsWith(FilePrefix, StringComparison.Ordinal);

    public string Resolve(string id) => _map.TryGetValue(id, out var current) ? current : id;

    public void Replace(string original, string replacement)
    {
        if (_map.Count >= Capacity)
        {
            _map.Clear();
        }

        _map[original] = replacement;
    }
}

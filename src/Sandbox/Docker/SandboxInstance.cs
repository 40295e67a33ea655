using System.Collections.Concurrent;

namespace CodeCube.Sandbox.Docker;

/// <summary>
/// This process's identity on the engine (the <c>codecube.instance</c> label) and the containers it is using now,
/// so the reaper never removes a live one.
/// </summary>
internal sealed class SandboxInstance(string id)
{
    private readonly ConcurrentDictionary<string, byte> _live = new();

    public string Id { get; } = id;

    public void Track(string containerId) => _live.TryAdd(containerId, 0);

    public void Forget(string containerId) => _live.TryRemove(containerId, out _);

    public int LiveCount => _live.Count;

    public bool IsLive(string containerId) => _live.ContainsKey(containerId);

    public static string NewId() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(6));
}

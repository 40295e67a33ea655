using CodeCube.Sandbox.Languages;
using Docker.DotNet;

namespace CodeCube.Sandbox.Docker;

/// <summary>
/// A created, attached and started container whose runner is blocked reading its header from stdin. Single use:
/// one request goes in, then it is removed. The warm pool holds these.
/// </summary>
internal sealed class StartedContainer(
    string id, MultiplexedStream stream, LanguageSpec language, EffectiveLimits limits, long startedTimestamp)
{
    public string Id { get; } = id;

    public MultiplexedStream Stream { get; } = stream;

    public LanguageSpec Language { get; } = language;

    public EffectiveLimits Limits { get; } = limits;

    /// <summary><see cref="TimeProvider.GetTimestamp"/> when it was started.</summary>
    public long StartedTimestamp { get; } = startedTimestamp;

    public string ShortId => Id.Length > 12 ? Id[..12] : Id;
}

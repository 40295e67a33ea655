using CodeCube.Core.Contracts;

namespace CodeCube.Core.Running;

/// <summary>
/// What a run through the shared service produced: the snippet and its permalink, which is "" when the snippet could
/// not be stored (storage away): the run is still answered.
/// </summary>
public sealed record RunRecord(Snippet Snippet, RunResult Result, bool FromCache, string Permalink)
{
    public bool Saved => Permalink.Length > 0;
}

using CodeCube.Core.Contracts;

namespace CodeCube.Core.Running;

/// <summary>What a run through the shared service produced: the stored snippet and its permalink.</summary>
public sealed record RunRecord(Snippet Snippet, RunResult Result, bool FromCache, string Permalink);

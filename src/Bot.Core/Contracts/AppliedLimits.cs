namespace CodeCube.Core.Contracts;

/// <summary>The limits a run was held to; the formatter uses them to explain a kill.</summary>
public sealed record AppliedLimits(int RunTimeoutMs, int CompileTimeoutMs, long MemoryBytes, long OutputBytes);

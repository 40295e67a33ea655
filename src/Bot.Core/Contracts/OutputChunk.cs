namespace CodeCube.Core.Contracts;

/// <summary>A piece of program output, reported while the program still runs (for live views).</summary>
public readonly record struct OutputChunk(OutputStream Stream, string Text);

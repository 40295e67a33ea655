namespace CodeCube.Core.Contracts;

/// <summary>Who asked for a run.</summary>
public sealed record SnippetAuthor(string Platform, string UserId, string DisplayName);

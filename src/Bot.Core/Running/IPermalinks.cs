using CodeCube.Core.Contracts;

namespace CodeCube.Core.Running;

/// <summary>Builds public links to snippets.</summary>
public interface IPermalinks
{
    string For(string snippetId);

    /// <summary>The public page listing every language with its aliases and version.</summary>
    string LanguagesPage { get; }

    /// <summary>Reads a snippet id out of a permalink URL or a bare id; null when it is neither.</summary>
    string? TryParse(string text);
}

namespace CodeCube.Core.Contracts;

/// <summary>The languages this installation can run.</summary>
public interface ILanguageRegistry
{
    IReadOnlyList<LanguageInfo> All { get; }

    /// <summary>Finds a language by id, alias or file extension (".py"), case-insensitively.</summary>
    bool TryResolve(string idAliasOrExtension, out LanguageInfo language);

    /// <summary>The ids of up to <paramref name="max"/> languages whose id or alias is closest to <paramref name="unknown"/>.</summary>
    IReadOnlyList<string> Suggest(string unknown, int max = 3);
}

using CodeCube.Core.Contracts;

namespace CodeCube.Testing;

/// <summary>A small fixed language list shaped like images/languages.json, standing in for the sandbox's registry.</summary>
public sealed class FakeLanguages : ILanguageRegistry
{
    public IReadOnlyList<LanguageInfo> All { get; } =
    [
        new("python", ["py", "python3"], "3.11.2", [".py"], false, "sha256:py", Kind: "scripting", Libraries: ["numpy", "sympy"]),
        new("javascript", ["js", "node"], "20.19.0", [".js"], false, "sha256:js", Kind: "scripting"),
        new("bash", ["shell"], "5.2.15", [".bash"], false, "sha256:bash", Kind: "shell"),
        new("sh", ["dash"], "0.5.12", [".sh"], false, "sha256:sh", Kind: "shell"),
        new("c", ["gcc"], "12.2.0", [".c"], true, "sha256:c", Kind: "systems", Notes: "reads <stdin> & args"),
        new("cpp", ["c++", "g++"], "12.2.0", [".cpp"], true, "sha256:cpp", Kind: "systems"),
    ];

    public bool TryResolve(string idAliasOrExtension, out LanguageInfo language)
    {
        language = All.FirstOrDefault(l =>
            l.Id.Equals(idAliasOrExtension, StringComparison.OrdinalIgnoreCase)
            || l.Aliases.Contains(idAliasOrExtension, StringComparer.OrdinalIgnoreCase)
            || l.Extensions.Contains(idAliasOrExtension, StringComparer.OrdinalIgnoreCase))!;
        return language is not null;
    }

    // Ids sharing the first letter, shortest first: enough to check that suggestions reach the user.
    public IReadOnlyList<string> Suggest(string unknown, int max = 3) =>
        All.Select(l => l.Id)
            .Where(id => unknown.Length > 0 && char.ToLowerInvariant(id[0]) == char.ToLowerInvariant(unknown[0]))
            .OrderBy(id => id.Length)
            .Take(max)
            .ToList();
}

using CodeCube.Core.Contracts;

namespace CodeCube.Host.Tests.Infrastructure;

/// <summary>A fixed language list standing in for the sandbox's registry (allowed at this level by the task).</summary>
public sealed class FakeLanguages : ILanguageRegistry
{
    public IReadOnlyList<LanguageInfo> All { get; } =
    [
        new("python", ["py", "python3"], "3.12.8", [".py"], false, "sha256:python", Kind: "scripting", Libraries: ["numpy", "sympy"]),
        new("javascript", ["js", "node"], "22.11.0", [".js"], false, "sha256:node", Kind: "scripting"),
        new("c", ["gcc"], "14.2.0", [".c"], true, "sha256:gcc", Kind: "systems", Notes: "reads <stdin> & args"),
    ];

    public bool TryResolve(string idAliasOrExtension, out LanguageInfo language)
    {
        var wanted = idAliasOrExtension.Trim();
        language = All.FirstOrDefault(l =>
            string.Equals(l.Id, wanted, StringComparison.OrdinalIgnoreCase)
            || l.Aliases.Contains(wanted, StringComparer.OrdinalIgnoreCase)
            || l.Extensions.Contains(wanted, StringComparer.OrdinalIgnoreCase))!;
        return language is not null;
    }

    public IReadOnlyList<string> Suggest(string unknown, int max = 3) =>
        All.SelectMany(l => l.Aliases.Prepend(l.Id))
            .Select(name => (name, distance: Distance(unknown.ToLowerInvariant(), name)))
            .Where(x => x.distance <= 2)
            .OrderBy(x => x.distance)
            .Select(x => x.name)
            .Take(max)
            .ToList();

    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var previous = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var current = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), previous + (a[i - 1] == b[j - 1] ? 0 : 1));
                previous = current;
            }
        }

        return row[b.Length];
    }
}

namespace CodeCube.Sandbox.Languages;

/// <summary>
/// "pyhton" → python: the ids of the languages whose id or alias is closest to an unknown name, prefix matches first,
/// then the smallest edit distance (transpositions count as one). One entry per language: with sixty languages and
/// their aliases, "pyhton" would otherwise offer python twice (python, python3) and crowd out everything else.
/// </summary>
internal static class LanguageSuggester
{
    /// <param name="names">Every id and alias, each with the id of its language.</param>
    public static IReadOnlyList<string> Suggest(string unknown, IReadOnlyList<(string Name, string Id)> names, int max)
    {
        var query = (unknown ?? "").Trim().TrimStart('.').ToLowerInvariant();
        if (query.Length == 0 || max <= 0)
        {
            return [];
        }

        // Allow roughly one typo per three letters, at least one.
        var budget = Math.Max(1, query.Length / 3);
        return names
            .Select(n => (n.Name, n.Id, Score: Score(query, n.Name.ToLowerInvariant())))
            .Where(x => x.Score <= budget)
            .OrderBy(x => x.Score)
            .ThenBy(x => x.Name.Length)
            .ThenBy(x => x.Name, StringComparer.Ordinal)
            .Select(x => x.Id)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(max)
            .ToList();
    }

    private static int Score(string query, string name)
    {
        // A short name such as "c" is no prefix match for "cobol"; "javascript" is one for "javascriptx".
        if (name.StartsWith(query, StringComparison.Ordinal) ||
            (name.Length >= 3 && query.StartsWith(name, StringComparison.Ordinal)))
        {
            return 0;
        }

        return Distance(query, name);
    }

    /// <summary>Optimal string alignment distance.</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}

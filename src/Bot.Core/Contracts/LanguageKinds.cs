namespace CodeCube.Core.Contracts;

/// <summary>The kinds of <see cref="LanguageInfo.Kind"/>, in the order and with the titles listings show.</summary>
public static class LanguageKinds
{
    private static readonly (string Kind, string Title)[] Known =
    [
        ("scripting", "scripting"),
        ("shell", "shell and text"),
        ("systems", "compiled"),
        ("jvm", "JVM and .NET"),
        ("functional", "functional"),
        ("lisp", "Lisp"),
        ("logic", "logic"),
        ("scientific", "scientific"),
        ("classic", "classic and esoteric"),
    ];

    /// <summary>Position in listings; unknown kinds go last.</summary>
    public static int Order(string kind)
    {
        var index = Array.FindIndex(Known, k => k.Kind == kind);
        return index < 0 ? Known.Length : index;
    }

    public static string Title(string kind) =>
        Array.Find(Known, k => k.Kind == kind).Title ?? (kind.Length == 0 ? "other" : kind);

    /// <summary>
    /// The languages as every listing shows them (chat's <c>!langs</c>, the web page, the playground's picker): one
    /// group per kind in <see cref="Order"/> (unknown kinds last, by name), ids in ordinal order within a group.
    /// </summary>
    public static IReadOnlyList<LanguageGroup> Group(IEnumerable<LanguageInfo> languages) =>
    [
        .. languages
            .OrderBy(l => l.Id, StringComparer.Ordinal)
            .GroupBy(l => l.Kind)
            .OrderBy(g => Order(g.Key))
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new LanguageGroup(g.Key, Title(g.Key), [.. g])),
    ];
}

/// <summary>One kind of language in a listing: its title and its languages, by id.</summary>
public sealed record LanguageGroup(string Kind, string Title, IReadOnlyList<LanguageInfo> Languages);

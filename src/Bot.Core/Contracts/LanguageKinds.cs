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
}

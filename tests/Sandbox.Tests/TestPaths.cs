namespace CodeCube.Sandbox.Tests;

internal static class TestPaths
{
    /// <summary>The repository's own images/ folder (manifest only; the lock may not exist).</summary>
    public static string RepoImages { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "images", "languages.json")) &&
                File.Exists(Path.Combine(dir.FullName, "CodeCube.sln")))
            {
                return Path.Combine(dir.FullName, "images");
            }
        }

        throw new DirectoryNotFoundException("repository root not found above " + AppContext.BaseDirectory);
    }
}

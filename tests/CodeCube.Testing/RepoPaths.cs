namespace CodeCube.Testing;

/// <summary>Places in this repository, found from the test's output directory.</summary>
public static class RepoPaths
{
    /// <summary>The repository's own images/ folder (manifest only; the lock may not exist).</summary>
    public static string Images { get; } = Path.Combine(Root(), "images");

    /// <summary>Every language's contract programs and contracts.json (tests/Sandbox.Tests/Languages).</summary>
    public static string ContractPrograms { get; } = Path.Combine(Root(), "tests", "Sandbox.Tests", "Languages");

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "images", "languages.json")) &&
                File.Exists(Path.Combine(dir.FullName, "CodeCube.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("repository root not found above " + AppContext.BaseDirectory);
    }
}

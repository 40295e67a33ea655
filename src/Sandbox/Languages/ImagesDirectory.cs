namespace CodeCube.Sandbox.Languages;

/// <summary>Finds the folder holding languages.json (and .build/images.json).</summary>
internal static class ImagesDirectory
{
    public const string EnvironmentVariable = "CODECUBE_IMAGES_DIR";
    public const string ManifestFile = "languages.json";

    /// <summary>The environment variable wins, then configuration, then a walk up from the working and app folders.</summary>
    public static string Locate(string? configured) => Locate(
        configured,
        Environment.GetEnvironmentVariable(EnvironmentVariable),
        [Directory.GetCurrentDirectory(), AppContext.BaseDirectory]);

    internal static string Locate(string? configured, string? fromEnv, IReadOnlyList<string> searchFrom)
    {
        if (!string.IsNullOrWhiteSpace(fromEnv))
        {
            return Path.GetFullPath(fromEnv);
        }

        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        foreach (var start in searchFrom)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "images");
                if (File.Exists(Path.Combine(candidate, ManifestFile)))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException(
            $"images/{ManifestFile} was not found above {string.Join(" or ", searchFrom)}; " +
            $"set Sandbox:ImagesDirectory or {EnvironmentVariable}");
    }

    public static string LockFile(string imagesDirectory) => Path.Combine(imagesDirectory, ".build", "images.json");
}

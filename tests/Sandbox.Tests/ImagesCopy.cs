namespace CodeCube.Sandbox.Tests;

/// <summary>A temporary images folder with a copy of the repository's languages.json and a lock file the test writes.</summary>
internal sealed class ImagesCopy : IDisposable
{
    public ImagesCopy()
    {
        File.Copy(System.IO.Path.Combine(RepoPaths.Images, "languages.json"), System.IO.Path.Combine(Path, "languages.json"));
    }

    public string Path { get; } = Directory.CreateTempSubdirectory("codecube-images-").FullName;

    /// <summary>Writes .build/images.json, as images/build.sh does.</summary>
    public void WriteLock(string json)
    {
        Directory.CreateDirectory(System.IO.Path.Combine(Path, ".build"));
        File.WriteAllText(System.IO.Path.Combine(Path, ".build", "images.json"), json);
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

using CodeCube.Sandbox.Languages;

namespace CodeCube.Sandbox.Tests.Unit;

public sealed class ImagesDirectoryTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("codecube-root-").FullName;

    public ImagesDirectoryTests()
    {
        Directory.CreateDirectory(Path.Combine(root, "images"));
        File.WriteAllText(Path.Combine(root, "images", "languages.json"), """{ "languages": [] }""");
        Directory.CreateDirectory(Path.Combine(root, "src", "deep", "er"));
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void Walks_up_from_the_working_directory_to_find_images()
    {
        var found = ImagesDirectory.Locate(null, null, [Path.Combine(root, "src", "deep", "er")]);

        Assert.Equal(Path.Combine(root, "images"), found);
    }

    [Fact]
    public void Tries_each_starting_point_in_turn()
    {
        var found = ImagesDirectory.Locate(null, null, [Path.GetTempPath(), Path.Combine(root, "src")]);

        Assert.Equal(Path.Combine(root, "images"), found);
    }

    [Fact]
    public void Configuration_wins_over_the_walk_and_the_environment_wins_over_both()
    {
        Assert.Equal("/opt/conf", ImagesDirectory.Locate("/opt/conf", null, [root]));
        Assert.Equal("/opt/env", ImagesDirectory.Locate("/opt/conf", "/opt/env", [root]));
    }

    [Fact]
    public void Says_how_to_fix_it_when_nothing_is_found()
    {
        var error = Assert.Throws<DirectoryNotFoundException>(() => ImagesDirectory.Locate(null, " ", ["/"]));

        Assert.Contains("Sandbox:ImagesDirectory", error.Message, StringComparison.Ordinal);
        Assert.Contains("CODECUBE_IMAGES_DIR", error.Message, StringComparison.Ordinal);
    }
}

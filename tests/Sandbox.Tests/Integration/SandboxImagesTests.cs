using System.Text.Json.Nodes;
using CodeCube.Sandbox.Docker;
using CodeCube.Sandbox.Languages;

namespace CodeCube.Sandbox.Tests.Integration;

/// <summary>The worker's image check and the health check's ping, against the real engine over the pooled client.</summary>
public sealed class SandboxImagesTests : IDisposable
{
    private readonly ImagesCopy images = new();

    public void Dispose() => images.Dispose();

    [Fact]
    public async Task An_image_the_engine_lacks_is_named_and_one_it_has_is_not()
    {
        var built = JsonNode.Parse(File.ReadAllText(Path.Combine(Environment.GetEnvironmentVariable("CODECUBE_IMAGES_DIR") ?? RepoPaths.Images, ".build", "images.json")))!["languages"]!["python"]!;
        images.WriteLock($$"""
            { "languages": {
                "python": { "image": "{{built["image"]}}", "version": "3", "digest": "sha256:0" },
                "ruby": { "image": "codecube/ruby:no-such-tag", "version": "3", "digest": "sha256:0" } } }
            """);
        await using var provider = TestServices.Build(new Dictionary<string, string?>(), (services, configuration) => services
            .AddSingleton(new LanguageRegistry(images.Path))
            .AddDockerSandbox(configuration));

        var missing = await provider.GetRequiredService<SandboxImages>().MissingAsync(CancellationToken.None);

        Assert.Contains("ruby: codecube/ruby:no-such-tag is not on this engine", missing);
        Assert.DoesNotContain(missing, m => m.StartsWith("python:", StringComparison.Ordinal));
        Assert.Null(await provider.GetRequiredService<EngineProbe>().ProblemAsync(CancellationToken.None));
    }
}

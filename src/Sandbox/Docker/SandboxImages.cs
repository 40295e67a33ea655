using Docker.DotNet.Models;
using CodeCube.Sandbox.Languages;

namespace CodeCube.Sandbox.Docker;

/// <summary>Which language images this machine's engine lacks, so a worker can refuse to start without them.</summary>
public sealed class SandboxImages
{
    private readonly DockerEngine _engine;
    private readonly LanguageRegistry _registry;

    internal SandboxImages(DockerEngine engine, LanguageRegistry registry)
    {
        _engine = engine;
        _registry = registry;
    }

    /// <summary>One line per missing image ("python: codecube/python@sha256:… is missing"); empty when all are there.</summary>
    public async Task<IReadOnlyList<string>> MissingAsync(CancellationToken ct)
    {
        var missing = new List<string>();
        foreach (var spec in _registry.Specs)
        {
            if (spec.Image is not { } image)
            {
                missing.Add($"{spec.Id}: {spec.ExpectedImage} was never built");
                continue;
            }

            try
            {
                await _engine.CallAsync<ImageInspectResponse>(
                    t => _engine.Client.Images.InspectImageAsync(image, t), ct).ConfigureAwait(false);
            }
            catch (Exception e) when (DockerEngine.IsNotFound(e))
            {
                missing.Add($"{spec.Id}: {image} is not on this engine");
            }
            catch (SandboxFailure e)
            {
                return [$"the Docker engine does not answer ({e.Message})"];
            }
        }

        return missing;
    }
}

using Docker.DotNet;
using Docker.DotNet.Models;

namespace CodeCube.Testing.Docker;

/// <summary>
/// What a test needs to run the real sandbox on the shared engine: its own instance label (so it only ever sees and
/// removes its own containers) and the repository's images, and a way to list what that instance left behind.
/// </summary>
public static class TestSandbox
{
    /// <summary>A fresh <c>codecube.instance</c> label value.</summary>
    public static string NewInstanceId(string prefix) =>
        $"{prefix}-{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(6))}";

    /// <summary>"Sandbox:" settings for one instance: its label and, unless CI sets CODECUBE_IMAGES_DIR, this repo's images.</summary>
    public static Dictionary<string, string?> Settings(string instanceId)
    {
        var settings = new Dictionary<string, string?> { ["Sandbox:InstanceId"] = instanceId };
        if (Environment.GetEnvironmentVariable("CODECUBE_IMAGES_DIR") is null)
        {
            settings["Sandbox:ImagesDirectory"] = RepoPaths.Images;
        }

        return settings;
    }

    /// <summary>A client of the local engine at the API version the sandbox speaks (src/Sandbox/Docker/DockerEngine).</summary>
    public static DockerClient Engine() =>
        new DockerClientConfiguration(new Uri("unix:///var/run/docker.sock")).CreateClient(new System.Version(1, 41));

    /// <summary>Every container (running or not) labelled with this instance.</summary>
    public static async Task<IList<ContainerListResponse>> ContainersAsync(string instanceId)
    {
        using var client = Engine();
        return await client.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>>
            {
                ["label"] = new Dictionary<string, bool> { [$"codecube.instance={instanceId}"] = true },
            },
        });
    }
}

using CodeCube.Core.Diagnostics;
using CodeCube.Sandbox.Docker;
using CodeCube.Sandbox.Languages;

namespace CodeCube.Sandbox.Diagnostics;

/// <summary>
/// The sandbox's part of <c>codecube doctor</c>: the engine answers and speaks our API version, gVisor is registered
/// (required only when Sandbox:Runtime asks for it), and every language's image is built and present.
/// </summary>
public sealed class EngineDoctor
{
    private readonly DockerEngine _engine;
    private readonly LanguageRegistry _registry;
    private readonly SandboxOptions _options;

    internal EngineDoctor(DockerEngine engine, LanguageRegistry registry, SandboxOptions options)
    {
        _engine = engine;
        _registry = registry;
        _options = options;
    }

    public async Task<IReadOnlyList<Finding>> CheckAsync(CancellationToken ct)
    {
        var findings = new List<Finding>();
        global::Docker.DotNet.Models.VersionResponse version;
        try
        {
            version = await _engine.CallAsync(t => _engine.Client.System.GetVersionAsync(t), ct).ConfigureAwait(false);
        }
        catch (SandboxFailure e)
        {
            findings.Add(Finding.Block("docker", e.Message,
                "start the engine (sudo systemctl start docker, or scripts/prereqs.sh), or point Sandbox:DockerEndpoint at it"));
            return findings;
        }

        findings.Add(Version.TryParse(version.APIVersion, out var api) && api >= DockerEngine.ApiVersion
            ? Finding.Ok("docker", $"engine {version.Version}, API {version.APIVersion} at {_engine.Endpoint}")
            : Finding.Block("docker", $"engine {version.Version} speaks API {version.APIVersion}; CodeCube needs {DockerEngine.ApiVersion} or newer",
                "upgrade Docker Engine to 20.10 or newer"));

        var info = await _engine.CallAsync(t => _engine.Client.System.GetSystemInfoAsync(t), ct).ConfigureAwait(false);
        var runtimes = info.Runtimes?.Keys.ToList() ?? [];
        var wanted = _options.Runtime;
        if (!string.IsNullOrEmpty(wanted) && !runtimes.Contains(wanted))
        {
            findings.Add(Finding.Block("runsc", $"Sandbox:Runtime is '{wanted}' but the engine only has: {string.Join(", ", runtimes)}",
                "install and register that runtime (runsc install && systemctl restart docker) or unset Sandbox:Runtime"));
        }
        else if (runtimes.Contains("runsc"))
        {
            findings.Add(Finding.Ok("runsc", $"gVisor registered (runtimes: {string.Join(", ", runtimes)})"
                + (wanted == "runsc" ? ", in use" : "; set Sandbox:Runtime=runsc to use it")));
        }
        else
        {
            findings.Add(Finding.Warn("runsc", "gVisor (runsc) is not registered; runs use runc with the hardened profile",
                "for a second isolation layer install gVisor and register it: runsc install && systemctl restart docker"));
        }

        findings.AddRange(await CheckImagesAsync(ct).ConfigureAwait(false));
        return findings;
    }

    private async Task<IEnumerable<Finding>> CheckImagesAsync(CancellationToken ct)
    {
        var present = new List<string>();
        var missing = new List<string>();
        foreach (var spec in _registry.Specs)
        {
            if (spec.Image is { } image && await ExistsAsync(image, ct).ConfigureAwait(false))
            {
                present.Add(spec.Id);
            }
            else
            {
                missing.Add(spec.Id);
            }
        }

        if (missing.Count == 0)
        {
            return [Finding.Ok("images", $"{present.Count} language image(s) present: {string.Join(", ", present)}")];
        }

        var fix = $"images/build.sh --only {string.Join(' ', missing)}";
        return present.Count == 0
            ? [Finding.Block("images", $"no language image is built (missing: {string.Join(", ", missing)})", fix)]
            : [Finding.Warn("images", $"missing image(s): {string.Join(", ", missing)}; present: {string.Join(", ", present)}", fix)];
    }

    private async Task<bool> ExistsAsync(string image, CancellationToken ct)
    {
        try
        {
            await _engine.CallAsync(t => _engine.Client.Images.InspectImageAsync(image, t), ct).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (DockerEngine.IsNotFound(e))
        {
            return false;
        }
    }
}

using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using CodeCube.Sandbox.Languages;

namespace CodeCube.Sandbox.Tests.Integration;

/// <summary>
/// The version the registry reports (read by images/build.sh into the lock) is what the toolchain in the exact
/// image the sandbox runs prints now: a stale lock or a misread version fails here.
/// </summary>
public sealed partial class ToolchainVersionTests
{
    private static readonly LanguageRegistry Registry = new(RepoPaths.Images);

    public static TheoryData<string> Languages() => new(Registry.All.Select(l => l.Id));

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task The_reported_version_is_the_one_the_toolchain_prints(string id)
    {
        Assert.True(Registry.TryGetSpec(id, out var spec));
        Assert.NotNull(spec.Image);
        var command = VersionCommand(id);

        var printed = await RunAsync(["run", "--rm", "--network", "none", "--user", "10001", spec.Image, .. command]);

        Assert.Equal(FirstVersion().Match(printed).Value, spec.Info.Version);
        Assert.Contains(spec.Info.Version, printed, StringComparison.Ordinal);
    }

    private static string[] VersionCommand(string id)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Images, "languages.json")));
        return manifest.RootElement.GetProperty("languages").EnumerateArray()
            .Single(l => l.GetProperty("id").GetString() == id)
            .GetProperty("versionCommand").EnumerateArray().Select(a => a.GetString()!).ToArray();
    }

    private static async Task<string> RunAsync(string[] args)
    {
        var start = new ProcessStartInfo("docker") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"docker {string.Join(' ', args)} exited {process.ExitCode}: {await stderr}");
        return await stdout + await stderr;
    }

    // The rule images/build.sh applies: the first dotted number in the output.
    [GeneratedRegex(@"[0-9]+(\.[0-9]+)+")]
    private static partial Regex FirstVersion();
}

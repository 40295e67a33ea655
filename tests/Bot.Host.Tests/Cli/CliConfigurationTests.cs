using System.Globalization;
using CodeCube.Host.Cli;
using Microsoft.Extensions.Configuration;

namespace CodeCube.Host.Tests.Cli;

/// <summary>The CLI has no host to run start-up validation, so it runs the same validation itself.</summary>
public sealed class CliConfigurationTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("codecube-cli-config-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private static async Task<(int Code, string Out, string Err)> Cli(Dictionary<string, string?> settings, params string[] args)
    {
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var code = await CliApp.RunAsync(args, stdout, stderr, b => b.AddInMemoryCollection(settings), CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Bad_keys_in_two_sections_are_one_line_naming_every_full_key()
    {
        var (code, stdout, stderr) = await Cli(new() { ["Sandbox:MemoryMiB"] = "1", ["InputLimits:MaxCodeBytes"] = "0" }, "languages");

        Assert.Equal(CliApp.SandboxFailed, code);
        Assert.Empty(stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("codecube: ", line, StringComparison.Ordinal);
        Assert.Contains("Sandbox:MemoryMiB must be between 16 and 65536", line, StringComparison.Ordinal);
        Assert.Contains("InputLimits:MaxCodeBytes must be between 1 and", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_input_limit_reaches_the_cli_before_any_container_starts()
    {
        var file = Path.Combine(dir, "big.py");
        await File.WriteAllTextAsync(file, new string('#', 11));

        // An engine that does not exist: the refusal must come first.
        var (code, stdout, stderr) = await Cli(new()
        {
            ["InputLimits:MaxCodeBytes"] = "10",
            ["Sandbox:DockerEndpoint"] = "unix:///tmp/codecube-no-such-engine.sock",
        }, "run", file);

        Assert.Equal(CliApp.SandboxFailed, code);
        Assert.Empty(stdout);
        Assert.Equal("codecube: sandbox error: the code is larger than 10 bytes\n", stderr);
    }
}

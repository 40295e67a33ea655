using System.Globalization;
using CodeCube.Host.Cli;
using CodeCube.Sandbox;
using CodeCube.Testing.Docker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CodeCube.Host.Tests.Cli;

/// <summary>The CLI entry point in-process, against the real engine and images.</summary>
public sealed class CliTests : IAsyncLifetime
{
    private readonly string dir = Directory.CreateTempSubdirectory("codecube-cli-").FullName;
    private readonly string instance = TestSandbox.NewInstanceId("cli");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        Directory.Delete(dir, recursive: true);
        Assert.Empty(await TestSandbox.ContainersAsync(instance));
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    private Task<(int Code, string Out, string Err)> Cli(params string[] args) => Cli(10_000, args);

    private async Task<(int Code, string Out, string Err)> Cli(int runTimeoutMs, params string[] args)
    {
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var settings = TestSandbox.Settings(instance);
        settings["Sandbox:RunTimeout"] = TimeSpan.FromMilliseconds(runTimeoutMs).ToString("c", CultureInfo.InvariantCulture);

        var code = await CliApp.RunAsync(args, stdout, stderr, b => b.AddInMemoryCollection(settings), CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Run_prints_the_programs_output_and_exits_with_its_code()
    {
        var file = Write("hello.py", "import sys\nprint('hello', sys.argv[1:], input())\nprint('warn', file=sys.stderr)\nsys.exit(3)");

        var result = await Cli("run", file, "--stdin", "typed", "--", "a", "b");

        Assert.Equal((3, "hello ['a', 'b'] typed\n", "warn\n"), result);
    }

    [Fact]
    public async Task Json_prints_exactly_one_object_with_the_eight_fields()
    {
        var file = Write("hello.py", "print('hi')");
        var stdinFile = Write("in.txt", "unused");

        var (code, stdout, _) = await Cli("run", file, "--json", "--stdin-file", stdinFile);

        Assert.Equal(0, code);
        Assert.Single(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal(
            ["language", "version", "outcome", "exitCode", "stdout", "stderr", "wallMs", "truncated"],
            root.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("python", root.GetProperty("language").GetString());
        Assert.Equal("completed", root.GetProperty("outcome").GetString());
        Assert.Equal(0, root.GetProperty("exitCode").GetInt32());
        Assert.Equal("hi\n", root.GetProperty("stdout").GetString());
        Assert.False(root.GetProperty("truncated").GetBoolean());
    }

    [Fact]
    public async Task Json_exit_code_is_null_when_the_program_never_finished()
    {
        var file = Write("slow.py", "import time\ntime.sleep(30)");

        var (code, stdout, _) = await Cli(1500, "run", file, "--json");

        Assert.Equal(124, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("timed_out", json.RootElement.GetProperty("outcome").GetString());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("exitCode").ValueKind);
    }

    [Fact]
    public async Task A_timeout_is_one_line_on_stderr_and_a_nonzero_exit()
    {
        var file = Write("loop.sh", "echo start\nwhile :; do :; done");

        var result = await Cli(1500, "run", file);

        Assert.Equal((124, "start\n", "codecube: timed out: killed after the 1.5 s run limit\n"), result);
    }

    [Fact]
    public async Task A_compile_error_exits_one_with_the_compilers_output()
    {
        var file = Write("bad.c", "int main(void) { return missing; }");

        var (code, _, stderr) = await Cli("run", file);

        Assert.Equal(1, code);
        Assert.Contains("missing", stderr, StringComparison.Ordinal);
        Assert.Contains("error", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lang_overrides_the_extension()
    {
        var file = Write("script.txt", "puts 6 * 7");

        var (code, stdout, _) = await Cli("run", file, "--lang", "rb");

        Assert.Equal((0, "42\n"), (code, stdout));
    }

    [Theory]
    [InlineData("--lang", "pyhton", "unknown language 'pyhton'; close matches: python")]
    [InlineData("--lang", "malbolge", "unknown language 'malbolge'; known: python, ruby")]
    public async Task An_unknown_language_is_a_clear_error_listing_close_matches(string flag, string value, string message)
    {
        var file = Write("x.txt", "print(1)");

        var (code, stdout, stderr) = await Cli("run", file, flag, value);

        Assert.Equal(CliApp.UsageError, code);
        Assert.Empty(stdout);
        Assert.StartsWith($"codecube: {message}", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_extension_is_a_clear_error()
    {
        var file = Write("notes.pyy", "print(1)");

        var (code, _, stderr) = await Cli("run", file);

        Assert.Equal(CliApp.UsageError, code);
        Assert.Contains("unknown language '.pyy'; close matches: py", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_is_a_usage_error()
    {
        var (code, _, stderr) = await Cli("run", Path.Combine(dir, "nope.py"));

        Assert.Equal(CliApp.UsageError, code);
        Assert.Contains("no such file", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Languages_lists_every_id_with_its_aliases_and_version()
    {
        var (code, stdout, _) = await Cli("languages");

        Assert.Equal(0, code);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("LANGUAGE", lines[0], StringComparison.Ordinal);
        // The registry the host composes from the repository's images/ folder (the CLI reads the same one).
        using var services = TestServices.Build(
            new Dictionary<string, string?> { ["Sandbox:ImagesDirectory"] = RepoPaths.Images },
            (s, configuration) => s.AddDockerSandbox(configuration));
        var registry = services.GetRequiredService<ILanguageRegistry>();
        Assert.Equal(60, registry.All.Count);
        foreach (var language in registry.All)
        {
            // Every id with the version of its built image, never "unbuilt".
            Assert.Contains(lines, l => l.StartsWith(language.Id + " ", StringComparison.Ordinal)
                && l.Contains(" " + language.Version + " ", StringComparison.Ordinal));
            Assert.NotEqual("unbuilt", language.Version);
        }

        Assert.Contains(lines, l => l.StartsWith("python", StringComparison.Ordinal) && l.Contains("py, python3", StringComparison.Ordinal));
    }
}

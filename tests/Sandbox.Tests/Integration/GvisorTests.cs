namespace CodeCube.Sandbox.Tests.Integration;

/// <summary>The same sandbox under gVisor (runsc, registered in daemon.json by scripts/prereqs.sh).</summary>
public sealed class GvisorFixture() : SandboxFixture(("Sandbox:Runtime", "runsc"));

public sealed class GvisorTests(GvisorFixture fixture) : IClassFixture<GvisorFixture>
{
    [Fact]
    public async Task Python_runs_under_gvisor_with_its_stdin()
    {
        var result = await fixture.RunAsync("python", "import sys\nprint('got', sys.stdin.read().strip())\n", "hello\n");

        Assert.True(result.Outcome == RunOutcome.Completed, LanguageContractTests.Describe(result));
        Assert.Equal("got hello\n", result.Stdout);
    }

    [Fact]
    public async Task A_compiled_language_builds_and_runs_under_gvisor()
    {
        var result = await fixture.RunAsync("c", "#include <stdio.h>\nint main(void) { puts(\"compiled\"); return 3; }\n");

        Assert.True(result.Outcome == RunOutcome.Completed, LanguageContractTests.Describe(result));
        Assert.Equal("compiled\n", result.Stdout);
        Assert.Equal(3, result.ExitCode);
    }

    [Fact]
    public async Task Gvisor_sandboxes_have_no_network_either()
    {
        const string code = """
            import socket
            s = socket.socket()
            s.settimeout(2)
            try:
                s.connect(("1.1.1.1", 80))
                print("connected")
            except OSError as e:
                print("blocked", type(e).__name__)
            """;

        var result = await fixture.RunAsync("python", code);

        Assert.True(result.Outcome == RunOutcome.Completed, LanguageContractTests.Describe(result));
        Assert.StartsWith("blocked", result.Stdout, StringComparison.Ordinal);
    }
}

namespace CodeCube.Sandbox.Tests.Integration;

internal static class CleanRun
{
    /// <summary>A run after a hostile one sees an empty /tmp, only its own processes, and works normally.</summary>
    public static async Task AssertAsync(SandboxFixture fixture)
    {
        const string probe = """
            import os
            procs = [p for p in os.listdir('/proc') if p.isdigit()]
            tmp = sorted(os.path.join(d, f) for d, _, fs in os.walk('/tmp') for f in fs)
            print(len(procs), tmp)
            """;
        var result = await fixture.RunAsync("python", probe);

        Assert.True(result.Outcome == RunOutcome.Completed, LanguageContractTests.Describe(result));
        // tini, the runner (waiting to report the exit) and python; nothing left over from an earlier run.
        Assert.Equal("3 ['/tmp/box/main.py']\n", result.Stdout);
    }
}

using System.Diagnostics;

namespace CodeCube.Sandbox.Tests.Integration;

/// <summary>Programs that try to hurt the host or the next run. After each, a fresh run must be clean.</summary>
public sealed class HostileTests(ShortLimitFixture fixture) : IClassFixture<ShortLimitFixture>
{
    private const int Limit = ShortLimitFixture.RunTimeoutMs;

    private static void Is(RunOutcome expected, RunResult result) =>
        Assert.True(result.Outcome == expected, LanguageContractTests.Describe(result));

    private Task AssertNextRunIsCleanAsync() => CleanRun.AssertAsync(fixture);

    [Fact]
    public async Task A_fork_bomb_is_contained_by_the_pids_limit_and_the_deadline()
    {
        var result = await fixture.RunAsync("bash", ":(){ :|:& };:");

        Assert.Contains(result.Outcome, new[] { RunOutcome.TimedOut, RunOutcome.Completed });
        await AssertNextRunIsCleanAsync();
    }

    [Fact]
    public async Task Output_printed_before_a_timeout_is_kept()
    {
        var result = await fixture.RunAsync("python", "import time\nprint('before', flush=True)\ntime.sleep(60)");

        Is(RunOutcome.TimedOut, result);
        Assert.Equal("before\n", result.Stdout);
    }

    [Fact]
    public async Task A_background_process_dies_with_the_main_program()
    {
        var result = await fixture.RunAsync("bash", "(sleep 30; echo late) &\nnohup sleep 30 >/dev/null 2>&1 &\necho main done");

        Is(RunOutcome.Completed, result);
        Assert.Equal("main done\n", result.Stdout);
        await AssertNextRunIsCleanAsync();
    }

    [Fact]
    public async Task A_hundred_megabytes_of_output_stop_at_the_cap_without_growing_the_host()
    {
        const string code = "import sys\nblock = 'x' * (1024 * 1024)\nfor _ in range(100):\n    sys.stdout.write(block)";
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var workingSetBefore = Process.GetCurrentProcess().WorkingSet64;

        var result = await fixture.RunAsync("python", code);

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var workingSetGrowth = Process.GetCurrentProcess().WorkingSet64 - workingSetBefore;
        Is(RunOutcome.OutputLimit, result);
        Assert.True(result.Truncated);
        Assert.Equal(64 * 1024, result.Stdout.Length);
        Assert.All(result.Stdout, c => Assert.Equal('x', c));
        // Other tests run in parallel and allocate too; 100 MB held anywhere would blow well past these.
        Assert.True(allocated < 40L * 1024 * 1024, $"allocated {allocated} bytes");
        Assert.True(workingSetGrowth < 40L * 1024 * 1024, $"working set grew {workingSetGrowth} bytes");
        await AssertNextRunIsCleanAsync();
    }

    [Fact]
    public async Task Stderr_has_its_own_cap()
    {
        // One write, then a pause: stdout and stderr are separate pipes, so only this orders them for the test.
        var result = await fixture.RunAsync(
            "python", "import sys, time\nsys.stdout.write('fine\\n')\nsys.stdout.flush()\ntime.sleep(0.3)\nsys.stderr.write('e' * 200000)");

        Is(RunOutcome.OutputLimit, result);
        Assert.Equal("fine\n", result.Stdout);
        Assert.Equal(64 * 1024, result.Stderr.Length);
        Assert.Contains("stderr", result.Detail, StringComparison.Ordinal);
    }
}

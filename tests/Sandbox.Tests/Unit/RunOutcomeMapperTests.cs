using CodeCube.Sandbox.Docker;
using CodeCube.Sandbox.Protocol;

namespace CodeCube.Sandbox.Tests.Unit;

public class RunOutcomeMapperTests
{
    private static readonly LanguageInfo Python = new("python", ["py"], "3.11.2", [".py"], false, "sha256:x");
    private static readonly AppliedLimits Limits = new(10_000, 15_000, 256L * 1024 * 1024, 64 * 1024);
    private static readonly MarkerStatus Run = new(MarkerKind.Run);

    private static RunResult Map(MarkerStatus? marker, KillReason kill = KillReason.None, bool oom = false, long? exit = 0) =>
        RunOutcomeMapper.Map(Python, new RunObservation(marker, kill, oom, exit, "out", "err", 42, false), Limits);

    [Fact]
    public void A_program_that_ran_keeps_its_exit_code_and_output()
    {
        var result = Map(Run, exit: 3);

        Assert.Equal(RunOutcome.Completed, result.Outcome);
        Assert.Equal(3, result.ExitCode);
        Assert.Null(result.Signal);
        Assert.Equal(("out", "err", 42L), (result.Stdout, result.Stderr, result.WallMs));
        Assert.Equal(("python", "3.11.2"), (result.Language, result.Version));
        Assert.Equal(Limits, result.Limits);
    }

    [Fact]
    public void An_exit_code_above_128_is_a_signal()
    {
        var result = Map(Run, exit: 139);

        Assert.Equal(RunOutcome.Completed, result.Outcome);
        Assert.Equal(11, result.Signal);
    }

    [Fact]
    public void The_run_deadline_kill_is_a_timeout_even_though_the_exit_code_says_sigkill()
    {
        var result = Map(Run, KillReason.RunTimeout, exit: 137);

        Assert.Equal(RunOutcome.TimedOut, result.Outcome);
        Assert.Null(result.ExitCode);
        Assert.Contains("10 s", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void An_oom_kill_is_a_memory_limit()
    {
        var result = Map(Run, oom: true, exit: 137);

        Assert.Equal(RunOutcome.MemoryLimit, result.Outcome);
        Assert.Contains("256 MiB", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void An_output_limit_kill_wins_over_everything_and_names_the_stream()
    {
        var seen = new RunObservation(Run, KillReason.OutputLimit, true, 137, "x", "", 5, true, "stdout");

        var result = RunOutcomeMapper.Map(Python, seen, Limits);

        Assert.Equal(RunOutcome.OutputLimit, result.Outcome);
        Assert.True(result.Truncated);
        Assert.Equal("stdout passed the 64 KiB limit", result.Detail);
    }

    [Fact]
    public void A_failed_compile_reports_the_compilers_exit_code()
    {
        var result = Map(new MarkerStatus(MarkerKind.CompileFailed, 4), exit: 1);

        Assert.Equal(RunOutcome.CompileError, result.Outcome);
        Assert.Equal(4, result.ExitCode);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_compile_past_its_limit_is_a_timeout(bool killedByHost)
    {
        var result = killedByHost
            ? Map(null, KillReason.CompileTimeout, exit: 137)
            : Map(new MarkerStatus(MarkerKind.CompileTimeout), exit: 1);

        Assert.Equal(RunOutcome.TimedOut, result.Outcome);
        Assert.Contains("15 s", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_runner_error_or_no_marker_at_all_is_a_sandbox_error_with_a_reason()
    {
        var error = Map(new MarkerStatus(MarkerKind.Error, Word: "bad-header"), exit: 2);
        var silent = Map(null, exit: 127);

        Assert.Equal(RunOutcome.SandboxError, error.Outcome);
        Assert.Contains("bad-header", error.Detail, StringComparison.Ordinal);
        Assert.Equal(RunOutcome.SandboxError, silent.Outcome);
        Assert.Contains("127", silent.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_whose_end_was_never_seen_and_whose_exit_is_unknown_is_a_sandbox_error_not_completed()
    {
        // dockerd restarted mid-run: the run marker came, then the stream broke and inspect failed.
        var lost = Map(Run, exit: null);

        Assert.Equal(RunOutcome.SandboxError, lost.Outcome);
        Assert.False(lost.FullyObserved);
        Assert.DoesNotContain("docker", lost.Detail!, StringComparison.OrdinalIgnoreCase);
    }

    private static readonly Dictionary<string, (RunObservation Seen, bool Expected)> Observations = new()
    {
        ["both ends, exit known"] = (Seen(Run, end: true), true),
        ["ended by a signal"] = (Seen(Run, end: true) with { ExitedOnBoth = false }, false),
        ["one stream's end missing"] = (Seen(Run, end: false), false),
        ["a start marker missing"] = (Seen(Run, end: true) with { StartOnBoth = false }, false),
        ["exit unknown"] = (Seen(Run, end: true) with { ExitCode = null }, false),
        ["killed at the deadline"] = (Seen(Run, end: true) with { Kill = KillReason.RunTimeout }, false),
        ["oom"] = (Seen(Run, end: true) with { OomKilled = true }, false),
        ["output cap"] = (Seen(Run, end: true) with { Kill = KillReason.OutputLimit, Truncated = true }, false),
        ["compile error"] = (Seen(new MarkerStatus(MarkerKind.CompileFailed, 1), end: false), true),
        ["compiler killed by a signal"] = (Seen(new MarkerStatus(MarkerKind.CompileFailed, 137), end: false), false),
        ["runner error"] = (Seen(new MarkerStatus(MarkerKind.Error, Word: "x"), end: false), false),
    };

    public static TheoryData<string> ObservationNames => [.. Observations.Keys];

    [Theory]
    [MemberData(nameof(ObservationNames))]
    public void Only_a_run_seen_from_start_to_end_is_fully_observed(string name)
    {
        var (seen, expected) = Observations[name];
        Assert.Equal(expected, RunOutcomeMapper.Map(Python, seen, Limits).FullyObserved);
    }

    private static RunObservation Seen(MarkerStatus marker, bool end) =>
        new(marker, KillReason.None, false, 0, "out", "", 1, false, StartOnBoth: true, EndOnBoth: end, ExitedOnBoth: end);
}

namespace CodeCube.Sandbox.Tests.Integration;

/// <summary>Runs alone: "killed within a second of the limit" is a wall-clock promise, so no other test may load the
/// machine while it is measured.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class KillTimingCollection
{
    public const string Name = "kill timing";
}

[Collection(KillTimingCollection.Name)]
public sealed class KillTimingTests(ShortLimitFixture fixture) : IClassFixture<ShortLimitFixture>
{
    private const int Limit = ShortLimitFixture.RunTimeoutMs;

    [Theory]
    [InlineData("while True:\n    pass")]
    [InlineData("import time\nprint('sleeping', flush=True)\ntime.sleep(60)")]
    public async Task A_program_past_the_run_limit_is_killed_within_a_second(string code)
    {
        var result = await fixture.RunAsync("python", code);

        Assert.True(result.Outcome == RunOutcome.TimedOut, LanguageContractTests.Describe(result));
        Assert.Equal(Limit, result.Limits?.RunTimeoutMs);
        Assert.InRange(result.WallMs, Limit, Limit + 1000);
        await CleanRun.AssertAsync(fixture);
    }
}

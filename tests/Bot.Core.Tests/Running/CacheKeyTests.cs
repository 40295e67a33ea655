using CodeCube.Core.Running;

namespace CodeCube.Core.Tests.Running;

public sealed class CacheKeyTests
{
    private static readonly LanguageInfo Python =
        new("python", ["py"], "3.11.2", [".py"], false, "sha256:feed", "run=10000 stdout=65536");

    private static readonly RunRequest Request = new("python", "print(input())", "hi\n", ["a"]);

    [Fact]
    public void Identical_runs_share_a_key()
    {
        Assert.Equal(RunService.CacheKey(Python, Request), RunService.CacheKey(Python, Request with { }));
    }

    [Fact]
    public void Every_input_of_a_run_is_part_of_its_key()
    {
        var key = RunService.CacheKey(Python, Request);

        Assert.NotEqual(key, RunService.CacheKey(Python with { ImageDigest = "sha256:beef" }, Request));
        Assert.NotEqual(key, RunService.CacheKey(Python with { Version = "3.12.0" }, Request));
        Assert.NotEqual(key, RunService.CacheKey(Python with { LimitsKey = "run=20000 stdout=65536" }, Request));
        Assert.NotEqual(key, RunService.CacheKey(Python, Request with { Code = "print(input()) " }));
        Assert.NotEqual(key, RunService.CacheKey(Python, Request with { Stdin = "ho\n" }));
        Assert.NotEqual(key, RunService.CacheKey(Python, Request with { Args = ["b"] }));
    }

    [Fact]
    public void Field_boundaries_cannot_be_shifted_to_forge_a_key()
    {
        var split = RunService.CacheKey(Python, new RunRequest("python", "ab", "c"));
        var shifted = RunService.CacheKey(Python, new RunRequest("python", "a", "bc"));

        Assert.NotEqual(split, shifted);
    }
}

namespace CodeCube.Sandbox.Tests.Integration;

/// <summary>A half-second compile limit for languages without their own, so a heavy C++ compile runs past it.</summary>
public sealed class ShortCompileFixture() : SandboxFixture(("Sandbox:CompileTimeout", "00:00:00.5"));

public sealed class CompileLimitTests(ShortCompileFixture fixture) : IClassFixture<ShortCompileFixture>
{
    [Fact]
    public async Task A_compile_past_its_limit_is_a_timeout_and_nothing_runs()
    {
        const string code = """
            #include <bits/stdc++.h>
            #include <regex>
            int main() { std::regex r("a+b*"); std::cout << "RAN " << std::regex_match("aab", r) << "\n"; }
            """;

        var result = await fixture.RunAsync("cpp", code);

        Assert.True(result.Outcome == RunOutcome.TimedOut, LanguageContractTests.Describe(result));
        Assert.Equal("compiling took longer than 0.5 s", result.Detail);
        Assert.DoesNotContain("RAN", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(500, result.Limits?.CompileTimeoutMs);
    }
}

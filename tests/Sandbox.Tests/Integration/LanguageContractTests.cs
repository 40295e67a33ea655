namespace CodeCube.Sandbox.Tests.Integration;

/// <summary>What every language in the manifest must do; one derived class (and so one parallel collection) each.</summary>
public abstract class LanguageContractTests(SandboxFixture fixture, LanguageSample sample)
{
    private const string Input = "line one\nüñí 🎲\n\nlast line without newline";

    [Fact]
    public async Task Hello_world_prints_to_stdout_and_exits_zero()
    {
        var result = await fixture.RunAsync(sample.Id, sample.Hello);

        Assert.True(result.Outcome == RunOutcome.Completed, Describe(result));
        Assert.Equal("hello, world\n", result.Stdout);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(sample.Id, result.Language);
        Assert.NotEqual("unbuilt", result.Version);
        Assert.NotNull(result.Limits);
    }

    [Fact]
    public async Task Stdin_is_echoed_byte_for_byte()
    {
        var result = await fixture.RunAsync(sample.Id, sample.Echo, Input);

        Assert.True(result.Outcome == RunOutcome.Completed, Describe(result));
        Assert.Equal(Input, result.Stdout);
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public async Task A_runtime_error_gives_its_exit_code_and_message()
    {
        var result = await fixture.RunAsync(sample.Id, sample.RuntimeError);

        Assert.True(result.Outcome == RunOutcome.Completed, Describe(result));
        Assert.Equal(sample.RuntimeErrorExit, result.ExitCode);
        Assert.Equal(sample.RuntimeErrorExit > 128 ? sample.RuntimeErrorExit - 128 : null, result.Signal);
        Assert.Contains("boom", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_syntax_error_is_a_compile_error_or_the_interpreters_failure()
    {
        var result = await fixture.RunAsync(sample.Id, sample.SyntaxError);

        if (sample.Compiled)
        {
            Assert.True(result.Outcome == RunOutcome.CompileError, Describe(result));
            Assert.NotEqual(0, result.ExitCode);
        }
        else
        {
            Assert.True(result.Outcome == RunOutcome.Completed, Describe(result));
            Assert.NotEqual(0, result.ExitCode);
        }

        Assert.NotEmpty(result.Stdout + result.Stderr);
    }

    internal static string Describe(RunResult r) =>
        $"{r.Outcome} exit={r.ExitCode} detail={r.Detail} wall={r.WallMs}\nstdout: {Cut(r.Stdout)}\nstderr: {Cut(r.Stderr)}";

    private static string Cut(string s) => s.Length > 2000 ? s[..2000] + "…" : s;
}

public sealed class PythonContractTests(SandboxFixture f) : LanguageContractTests(f, Samples.Python), IClassFixture<SandboxFixture>;

public sealed class RubyContractTests(SandboxFixture f) : LanguageContractTests(f, Samples.Ruby), IClassFixture<SandboxFixture>;

public sealed class JavaScriptContractTests(SandboxFixture f) : LanguageContractTests(f, Samples.JavaScript), IClassFixture<SandboxFixture>;

public sealed class BashContractTests(SandboxFixture f) : LanguageContractTests(f, Samples.Bash), IClassFixture<SandboxFixture>;

public sealed class CContractTests(SandboxFixture f) : LanguageContractTests(f, Samples.C), IClassFixture<SandboxFixture>;

public sealed class CppContractTests(SandboxFixture f) : LanguageContractTests(f, Samples.Cpp), IClassFixture<SandboxFixture>;

public sealed class GoContractTests(SandboxFixture f) : LanguageContractTests(f, Samples.Go), IClassFixture<SandboxFixture>;

public sealed class RustContractTests(SandboxFixture f) : LanguageContractTests(f, Samples.Rust), IClassFixture<SandboxFixture>;

public sealed class JavaContractTests(SandboxFixture f) : LanguageContractTests(f, Samples.Java), IClassFixture<SandboxFixture>;

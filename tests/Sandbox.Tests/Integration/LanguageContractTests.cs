using CodeCube.Core.Contracts;
using CodeCube.Sandbox.Languages;
using CodeCube.Testing.Languages;

namespace CodeCube.Sandbox.Tests.Integration;

/// <summary>
/// Every language's contract (issue 11), in the real sandbox: its programs live in Languages/&lt;id&gt;/ and its
/// expectations in Languages/contracts.json. Each derived class is one parallel collection over a group of kinds;
/// xunit looks its data member <c>Cases(caseName)</c> up on the derived class.
/// </summary>
// xunit resolves MemberData on the class that runs the test (each derived class has Cases); the analyzer looks here.
#pragma warning disable xUnit1015
public abstract class LanguageContractTests(SandboxFixture fixture, LongRunFixture longRun)
{
    [Theory]
    [MemberData("Cases", ContractTable.Greet)]
    public async Task Greets_the_stdin_line_with_a_computed_value_and_its_exit_status(string id)
    {
        var contract = ContractTable.For(id);

        var result = await fixture.RunAsync(id, Code(id, ContractTable.Greet), contract.Stdin);

        Assert.True(result.Outcome == RunOutcome.Completed, Describe(result));
        Assert.Equal(contract.Stdout, result.Stdout);
        Assert.Equal(contract.Exit, result.ExitCode);
        Assert.Equal(id, result.Language);
        Assert.Equal(Registry.All.Single(l => l.Id == id).Version, result.Version);
    }

    [Theory]
    [MemberData("Cases", ContractTable.Syntax)]
    public async Task A_syntax_error_is_a_compile_error_or_the_interpreters_failure_with_its_message(string id)
    {
        var contract = ContractTable.For(id);

        var result = await fixture.RunAsync(id, Code(id, ContractTable.Syntax), contract.Stdin);

        if (Registry.All.Single(l => l.Id == id).Compiled)
        {
            Assert.True(result.Outcome == RunOutcome.CompileError, Describe(result));
        }
        else
        {
            Assert.True(result.Outcome == RunOutcome.Completed, Describe(result));
            if (contract.SyntaxExit is { } exit)
            {
                Assert.Equal(exit, result.ExitCode);
            }
            else
            {
                Assert.NotEqual(0, result.ExitCode);
            }
        }

        Assert.Contains(contract.CompileMessage, result.Stdout + result.Stderr, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData("Cases", ContractTable.Runtime)]
    public async Task A_runtime_error_exits_non_zero_with_its_message_on_stderr(string id)
    {
        var contract = ContractTable.For(id);

        var result = await fixture.RunAsync(id, Code(id, ContractTable.Runtime), contract.Stdin);

        Assert.True(result.Outcome == RunOutcome.Completed, Describe(result));
        if (contract.RuntimeExit is { } exit)
        {
            Assert.Equal(exit, result.ExitCode);
        }
        else
        {
            Assert.NotEqual(0, result.ExitCode);
        }

        Assert.Contains(contract.RuntimeMessage, contract.RuntimeMessageOnStdout ? result.Stdout : result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData("Cases", ContractTable.Flood)]
    public async Task An_output_flood_stops_at_the_output_limit(string id)
    {
        var result = await fixture.RunAsync(id, Code(id, ContractTable.Flood), ContractTable.For(id).Stdin);

        Assert.True(result.Outcome == RunOutcome.OutputLimit, Describe(result));
        Assert.True(result.Truncated);
    }

    [Theory]
    [MemberData("Cases", ContractTable.Loop)]
    public async Task An_endless_loop_times_out(string id)
    {
        var result = await fixture.RunAsync(id, Code(id, ContractTable.Loop), ContractTable.For(id).Stdin);

        Assert.True(result.Outcome == RunOutcome.TimedOut, Describe(result));
    }

    [Theory]
    [MemberData("Cases", ContractTable.Bomb)]
    public async Task A_memory_bomb_hits_the_memory_limit_or_the_runtimes_own_out_of_memory_error(string id)
    {
        var contract = ContractTable.For(id);

        // Under a 60 s run limit (unless the language sets its own): this is about the memory cap, not the clock.
        var result = await longRun.RunAsync(id, Code(id, ContractTable.Bomb), contract.Stdin);

        if (result.Outcome != RunOutcome.MemoryLimit)
        {
            Assert.True(result.Outcome == RunOutcome.Completed && contract.OutOfMemoryMessage is not null, Describe(result));
            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains(contract.OutOfMemoryMessage, result.Stdout + result.Stderr, StringComparison.Ordinal);
        }
    }

#pragma warning restore xUnit1015

    internal static LanguageRegistry Registry { get; } = new(RepoPaths.Images);

    /// <summary>The ids of these kinds that have a program for <paramref name="caseName"/>.</summary>
    protected static TheoryData<string> Of(string[] kinds, string caseName)
    {
        var data = new TheoryData<string>();
        foreach (var language in Registry.All.Where(l => kinds.Contains(l.Kind)))
        {
            if (ContractTable.Code(language.Id, caseName) is not null)
            {
                data.Add(language.Id);
            }
        }

        return data;
    }

    private static string Code(string id, string caseName) =>
        ContractTable.Code(id, caseName) ?? throw new InvalidOperationException($"no {caseName} program for {id}");

    internal static string Describe(RunResult r) =>
        $"{r.Outcome} exit={r.ExitCode} detail={r.Detail} wall={r.WallMs}\nstdout: {Cut(r.Stdout)}\nstderr: {Cut(r.Stderr)}";

    private static string Cut(string s) => s.Length > 2000 ? s[..2000] + "…" : s;
}

// One collection per group of kinds, so the groups run in parallel.

public sealed class ScriptingContractTests(SandboxFixture f, LongRunFixture l)
    : LanguageContractTests(f, l), IClassFixture<SandboxFixture>, IClassFixture<LongRunFixture>
{
    private static readonly string[] Kinds = ["scripting"];

    public static TheoryData<string> Cases(string caseName) => Of(Kinds, caseName);
}

public sealed class ShellContractTests(SandboxFixture f, LongRunFixture l)
    : LanguageContractTests(f, l), IClassFixture<SandboxFixture>, IClassFixture<LongRunFixture>
{
    private static readonly string[] Kinds = ["shell"];

    public static TheoryData<string> Cases(string caseName) => Of(Kinds, caseName);
}

public sealed class SystemsContractTests(SandboxFixture f, LongRunFixture l)
    : LanguageContractTests(f, l), IClassFixture<SandboxFixture>, IClassFixture<LongRunFixture>
{
    private static readonly string[] Kinds = ["systems"];

    public static TheoryData<string> Cases(string caseName) => Of(Kinds, caseName);
}

public sealed class JvmAndDotNetContractTests(SandboxFixture f, LongRunFixture l)
    : LanguageContractTests(f, l), IClassFixture<SandboxFixture>, IClassFixture<LongRunFixture>
{
    private static readonly string[] Kinds = ["jvm"];

    public static TheoryData<string> Cases(string caseName) => Of(Kinds, caseName);
}

public sealed class FunctionalContractTests(SandboxFixture f, LongRunFixture l)
    : LanguageContractTests(f, l), IClassFixture<SandboxFixture>, IClassFixture<LongRunFixture>
{
    private static readonly string[] Kinds = ["functional"];

    public static TheoryData<string> Cases(string caseName) => Of(Kinds, caseName);
}

public sealed class LispAndLogicContractTests(SandboxFixture f, LongRunFixture l)
    : LanguageContractTests(f, l), IClassFixture<SandboxFixture>, IClassFixture<LongRunFixture>
{
    private static readonly string[] Kinds = ["lisp", "logic"];

    public static TheoryData<string> Cases(string caseName) => Of(Kinds, caseName);
}

public sealed class ScientificAndClassicContractTests(SandboxFixture f, LongRunFixture l)
    : LanguageContractTests(f, l), IClassFixture<SandboxFixture>, IClassFixture<LongRunFixture>
{
    private static readonly string[] Kinds = ["scientific", "classic"];

    public static TheoryData<string> Cases(string caseName) => Of(Kinds, caseName);
}

using CodeCube.Core.Contracts;
using CodeCube.Sandbox.Languages;
using CodeCube.Testing.Languages;

namespace CodeCube.Sandbox.Tests.Integration;

/// <summary>Output caps above the 1 MiB per stream the blocking programs write, so they run to their end.</summary>
public sealed class WideOutputFixture()
    : SandboxFixture(("Sandbox:StdoutLimitBytes", "2097152"), ("Sandbox:StderrLimitBytes", "2097152"));

/// <summary>
/// Node writes to pipes without blocking on Linux, so a program that outruns the sandbox's reader queues its output
/// in the JS heap, and a flood could reach the memory limit before the output limit. The node image preloads a
/// script that makes stdout and stderr blocking. Each node-family language's <c>Languages/&lt;id&gt;/blocking</c>
/// program writes more than a pipe holds in one write per stream and prints what Node still had queued after it.
/// </summary>
public sealed class NodeBlockingOutputTests(WideOutputFixture fixture) : IClassFixture<WideOutputFixture>
{
    private const string Case = "blocking";
    private const int Written = 1 << 20;
    private const string Report = "\nqueued: stdout 0, stderr 0\n";

    public static TheoryData<string> NodeLanguages() => [.. OnNode()];

    [Fact]
    public void Every_language_on_the_node_image_has_a_blocking_program()
    {
        Assert.NotEmpty(OnNode());
        Assert.All(OnNode(), id => Assert.NotNull(ContractTable.Code(id, Case)));
    }

    [Theory]
    [MemberData(nameof(NodeLanguages))]
    public async Task Stdout_and_stderr_block_on_a_full_pipe_instead_of_queueing_in_the_heap(string id)
    {
        var result = await fixture.RunAsync(id, ContractTable.Code(id, Case)!);

        Assert.True(result.Outcome == RunOutcome.Completed, LanguageContractTests.Describe(result));
        Assert.EndsWith(Report, result.Stdout, StringComparison.Ordinal);
        // Blocking changes when the bytes leave, not which: all of them arrive.
        Assert.Equal(Written + Report.Length, result.Stdout.Length);
        Assert.Equal(Written, result.Stderr.Length);
    }

    private static IEnumerable<string> OnNode() =>
        LanguageManifest.Load(Path.Combine(RepoPaths.Images, "languages.json")).Languages
            .Where(l => l.Image == "node")
            .Select(l => l.Id);
}

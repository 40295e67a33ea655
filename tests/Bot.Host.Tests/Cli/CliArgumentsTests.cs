using CodeCube.Host.Cli;

namespace CodeCube.Host.Tests.Cli;

public class CliArgumentsTests
{
    [Fact]
    public void Parses_file_language_stdin_json_and_program_args()
    {
        var parsed = RunArguments.Parse(["a.txt", "--lang", "py", "--stdin", "x y", "--json", "--", "--json", "z"], out var error);

        Assert.Null(error);
        Assert.NotNull(parsed);
        Assert.Equal(("a.txt", "py", "x y", (string?)null, true), (parsed.File, parsed.Language, parsed.Stdin, parsed.StdinFile, parsed.Json));
        Assert.Equal(["--json", "z"], parsed.ProgramArgs);
    }

    [Theory]
    [InlineData(new string[0], "missing FILE")]
    [InlineData(new[] { "a.py", "--lang" }, "--lang needs")]
    [InlineData(new[] { "a.py", "--stdin", "x", "--stdin-file", "y" }, "either")]
    [InlineData(new[] { "a.py", "b.py" }, "unexpected 'b.py'")]
    [InlineData(new[] { "a.py", "--verbose" }, "unexpected '--verbose'")]
    public void Rejects_bad_arguments_with_a_reason(string[] words, string reason)
    {
        Assert.Null(RunArguments.Parse(words, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}

using CodeCube.Sandbox.Protocol;

namespace CodeCube.Sandbox.Tests.Unit;

public class RunnerHeaderTests
{
    [Fact]
    public void Header_line_counts_utf8_bytes_of_code_and_nul_terminated_args()
    {
        var nonce = RunnerHeader.NewNonce();
        var bytes = RunnerHeader.Build(nonce, "print('é')", ["a b", "ü"]);

        var text = Encoding.UTF8.GetString(bytes);
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        Assert.Equal($"CODECUBE/1 {nonce} 11 7", text[..newline]);
        Assert.Equal("print('é')a b\0ü\0", text[(newline + 1)..]);
    }

    [Fact]
    public void Empty_code_and_no_args_give_zero_lengths()
    {
        var bytes = RunnerHeader.Build("0123456789abcdef0123456789abcdef", "", []);

        Assert.Equal("CODECUBE/1 0123456789abcdef0123456789abcdef 0 0\n", Encoding.ASCII.GetString(bytes));
    }

    [Fact]
    public void A_nul_inside_an_argument_is_dropped_so_it_cannot_split_the_argument()
    {
        var bytes = RunnerHeader.Build("0123456789abcdef0123456789abcdef", "", ["a\0b"]);

        Assert.EndsWith(" 0 3\nab\0", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void Nonces_are_32_lowercase_hex_characters_and_fresh()
    {
        var nonces = Enumerable.Range(0, 100).Select(_ => RunnerHeader.NewNonce()).ToList();

        Assert.All(nonces, n => Assert.Matches("^[0-9a-f]{32}$", n));
        Assert.Equal(nonces.Count, nonces.Distinct().Count());
    }
}

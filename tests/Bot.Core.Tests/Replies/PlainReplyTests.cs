using CodeCube.Core.Replies;
using static CodeCube.Core.Tests.Replies.FormatterTestData;

namespace CodeCube.Core.Tests.Replies;

public sealed class PlainReplyTests
{
    private readonly ReplyFormatter formatter = new();

    [Fact]
    public void Short_output_is_plain_lines_then_the_footer()
    {
        var reply = formatter.Format(Result("hello\nworld\n"), Link, Irc());

        Assert.Equal($"hello\nworld\npython 3.11.2 · exit 0 · 43 ms · {Link}", reply.Text);
        Assert.Null(reply.Attachment);
    }

    [Fact]
    public void Too_many_lines_end_in_a_marker_before_the_footer()
    {
        var lines = formatter.Format(Result(Lines(10)), Link, Irc(maxLines: 5)).Text.Split('\n');

        Assert.Equal(["line 1", "line 2", "line 3", "line 4", "… 6 more lines (full output at the link)"], lines[..5]);
        Assert.Equal($"python 3.11.2 · exit 0 · 43 ms · {Link}", lines[5]);
        Assert.Equal(6, lines.Length);
    }

    [Theory]
    [InlineData("€", 40)]   // 3 bytes each
    [InlineData("😀", 10)]  // 4 bytes, a surrogate pair
    [InlineData("aé€😀", 7)]
    [InlineData("e\u0301", 5)] // e + combining accent: kept together
    [InlineData("👩‍👩‍👧", 20)] // a family emoji: three emoji joined by ZWJ, 18 bytes
    public void Long_lines_are_split_within_the_byte_limit_at_character_boundaries(string unit, int maxLineBytes)
    {
        var line = string.Concat(Enumerable.Repeat(unit, 60));
        var reply = formatter.Format(Result(line), "L", Irc(maxLines: 100, maxLineBytes: maxLineBytes));

        var lines = reply.Text.Split('\n');
        Assert.All(lines, l => Assert.InRange(StrictUtf8Bytes(l), 1, maxLineBytes));
        Assert.StartsWith(line + "python 3.11.2", string.Concat(lines), StringComparison.Ordinal);
    }

    [Fact]
    public void Grapheme_clusters_are_not_split()
    {
        var reply = formatter.Format(Result(string.Concat(Enumerable.Repeat("e\u0301", 10))), "L", Irc(maxLines: 20, maxLineBytes: 5));

        Assert.All(reply.Text.Split('\n')[..10], l => Assert.Equal("e\u0301", l));
    }

    [Fact]
    public void Wrapped_pieces_count_as_output_lines()
    {
        var reply = formatter.Format(Result(new string('x', 100) + "\nnext\n"), "L", Irc(maxLines: 3, maxLineBytes: 30));

        var lines = reply.Text.Split('\n');
        Assert.Equal([new string('x', 30), new string('x', 30), "… line cut, 1 more after it"], lines[..3]);
    }

    [Fact]
    public void Huge_output_is_counted_in_full_but_only_its_start_is_shown()
    {
        var output = new string('x', 1_000_000) + "\n" + Lines(50_000);

        var lines = formatter.Format(Result(output), Link, Irc(maxLines: 3, maxLineBytes: 100)).Text.Split('\n');

        Assert.Equal([new string('x', 100), new string('x', 100), "… line cut, 50000 more after it (full output at the link)"], lines[..3]);
    }

    [Fact]
    public void Control_characters_and_irc_formatting_codes_never_go_out_raw()
    {
        const string Output = "a\rb\0c\u001b[31md\u0007 \u0002bold\u0003 4red\u000f\u0016\u001d\u001f\u0001ACTION\u0001 "
            + "\u007f\u0085\u009b\u2028\u2029\u202e\tz\r\n";

        var reply = formatter.Format(Result(Output, detail: null), Link, Irc());

        Assert.DoesNotContain(reply.Text, c => c != '\n' && (c < 0x20 || c is >= '\u007f' and <= '\u009f'));
        Assert.DoesNotContain(reply.Text, c => c is '\u2028' or '\u2029' or '\u202e');
        var first = reply.Text.Split('\n')[0];
        Assert.StartsWith("a␍b␀cd␇ ␂bold␃ 4red␏␖␝␟␁ACTION␁ ␡", first, StringComparison.Ordinal);
        Assert.EndsWith("    z␍", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Lines_that_could_command_another_bot_start_with_an_invisible_space()
    {
        var lines = formatter.Format(Result("!kick alice\n.op me\nfine\n"), Link, Irc()).Text.Split('\n');

        Assert.Equal(["\u200B!kick alice", "\u200B.op me", "fine"], lines[..3]);
    }

    [Fact]
    public void Blank_lines_stay_visible_as_a_space_and_no_output_is_said()
    {
        Assert.StartsWith("a\n \nb\n", formatter.Format(Result("a\n\nb\n"), Link, Irc()).Text, StringComparison.Ordinal);
        Assert.StartsWith("(no output)\npython", formatter.Format(Result(""), Link, Irc()).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Stdout_and_stderr_are_separated()
    {
        var reply = formatter.Format(Result("out\n", "err\n", exit: 1), Link, Irc());

        Assert.StartsWith($"out\n{ReplyFormatter.StderrSeparator}\nerr\npython 3.11.2 · exit 1", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_footer_is_wrapped_within_the_byte_limit()
    {
        var result = Result("", outcome: RunOutcome.SandboxError, exit: null, wallMs: 0, detail: new string('d', 200));

        var lines = formatter.Format(result, Link, Irc(maxLineBytes: 64)).Text.Split('\n');

        Assert.All(lines, l => Assert.InRange(StrictUtf8Bytes(l), 1, 64));
        Assert.StartsWith("python 3.11.2 · sandbox error: ddd", lines[0], StringComparison.Ordinal);
        Assert.EndsWith("AbCdEf123456", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Notices_are_lines_within_the_limits()
    {
        var text = formatter.FormatNotice("one\n\u0001two\u0003\n" + new string('x', 100), Irc(maxLines: 3, maxLineBytes: 40));

        var lines = text.Split('\n');
        Assert.Equal(["one", "␁two␃"], lines[..2]);
        Assert.Equal(3, lines.Length);
        Assert.EndsWith("…", lines[2], StringComparison.Ordinal);
        Assert.All(lines, l => Assert.InRange(StrictUtf8Bytes(l), 1, 40));
    }
}

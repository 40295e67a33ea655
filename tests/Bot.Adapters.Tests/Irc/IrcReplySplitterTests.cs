using CodeCube.Adapters.Irc;

namespace CodeCube.Adapters.Tests.Irc;

public class IrcReplySplitterTests
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    [Fact]
    public void Budget_subtracts_the_prefix_the_server_adds_and_the_command()
    {
        // ":bot!~bot@127.0.0.1 " is 20 bytes, "PRIVMSG #chan :" 15: 510 - 35.
        Assert.Equal(475, IrcLineBudget.PrivmsgText("bot", "~bot", "127.0.0.1", "#chan"));
    }

    [Fact]
    public void Budget_is_conservative_before_user_and_host_are_known()
    {
        var known = IrcLineBudget.PrivmsgText("bot", "~bot", "127.0.0.1", "#chan");
        var unknown = IrcLineBudget.PrivmsgText("bot", null, null, "#chan");

        Assert.Equal(510 - (1 + 3 + 1 + 11 + 1 + 63 + 1) - 15, unknown);
        Assert.True(unknown < known);
    }

    [Fact]
    public void Budget_counts_bytes_not_characters()
    {
        Assert.Equal(IrcLineBudget.PrivmsgText("b", "u", "h", "#aa") - 2, IrcLineBudget.PrivmsgText("b", "u", "h", "#ää"));
    }

    [Fact]
    public void Multi_byte_text_is_cut_between_characters_within_the_budget()
    {
        var text = string.Concat(Enumerable.Repeat("äö€", 300));

        var pieces = IrcText.SplitToBytes(text, 100);

        Assert.Equal(text, string.Concat(pieces));
        Assert.All(pieces, p => Assert.InRange(StrictUtf8.GetByteCount(p), 1, 100));
        Assert.All(pieces, p => StrictUtf8.GetBytes(p));
    }

    [Fact]
    public void Emoji_and_joined_sequences_are_not_torn_apart()
    {
        var family = "👨‍👩‍👧"; // 18 bytes: three emoji joined by ZWJ
        var text = string.Concat(Enumerable.Repeat(family + "😀", 40));

        var pieces = IrcText.SplitToBytes(text, 50);

        Assert.Equal(text, string.Concat(pieces));
        Assert.All(pieces, p =>
        {
            Assert.InRange(Encoding.UTF8.GetByteCount(p), 1, 50);
            Assert.Equal(0, p.Replace(family, "", StringComparison.Ordinal).Replace("😀", "", StringComparison.Ordinal).Length);
        });
    }

    [Fact]
    public void A_cluster_bigger_than_the_budget_falls_back_to_code_points()
    {
        var zalgo = "a" + new string('\u0301', 100); // one grapheme of 201 bytes

        var pieces = IrcText.SplitToBytes(zalgo, 20);

        Assert.Equal(zalgo, string.Concat(pieces));
        Assert.All(pieces, p => Assert.InRange(StrictUtf8.GetByteCount(p), 1, 20));
    }

    [Fact]
    public void Cut_never_ends_inside_a_character()
    {
        Assert.Equal("ä", IrcText.CutToBytes("äö", 3));
        Assert.Equal("", IrcText.CutToBytes("😀", 3));
        Assert.Equal("ab", IrcText.CutToBytes("ab", 3));
    }

    [Theory]
    [InlineData("a\rb", "a\u240Db")]
    [InlineData("\x01VERSION\x01", "\u2401VERSION\u2401")]
    [InlineData("nul\0", "nul\u2400")]
    [InlineData("\x03" + "4red\x0F", "\u24034red\u240F")]
    [InlineData("tab\there", "tab here")]
    [InlineData("del\x7F", "del\u2421")]
    [InlineData("c1\u0085x", "c1 x")]
    [InlineData("sep\u2028x", "sep x")]
    [InlineData("plain ✓ text", "plain ✓ text")]
    public void Sanitise_makes_control_characters_visible(string input, string expected) =>
        Assert.Equal(expected, IrcText.Sanitize(input));

    [Fact]
    public void Sanitise_replaces_lone_surrogates()
    {
        Assert.Equal("a\uFFFDb", IrcText.Sanitize("a\uD800b"));
    }

    [Fact]
    public void Reply_keeps_n_output_lines_and_always_the_last_line()
    {
        var text = string.Join('\n', Enumerable.Range(1, 1000).Select(i => $"line {i}").Append("https://cc.example/s/abc"));

        var lines = IrcReplySplitter.Split(text, 400, 3);

        Assert.Equal(["line 1", "line 2", "line 3", "https://cc.example/s/abc"], lines);
    }

    [Fact]
    public void Long_output_line_splits_into_output_lines_but_not_past_the_limit()
    {
        var text = new string('x', 250) + "\nhttps://cc.example/s/abc";

        var lines = IrcReplySplitter.Split(text, 100, 3);

        Assert.Equal([new string('x', 100), new string('x', 100), new string('x', 50), "https://cc.example/s/abc"], lines);
    }

    [Fact]
    public void Reply_lines_never_contain_raw_line_breaks_or_controls()
    {
        var lines = IrcReplySplitter.Split("ok\r\nQUIT :bye\r\nPRIVMSG #other :spam\nlink", 400, 5);

        Assert.Equal(["ok\u240D", "QUIT :bye\u240D", "PRIVMSG #other :spam", "link"], lines);
        Assert.All(lines, l => Assert.DoesNotContain(l, c => char.IsControl(c)));
    }

    [Fact]
    public void Blank_lines_are_sent_as_a_space_and_trailing_newlines_are_ignored()
    {
        Assert.Equal(["a", " ", "b"], IrcReplySplitter.Split("a\n\nb\n\n", 400, 3));
    }

    [Fact]
    public void Short_reply_is_sent_as_is()
    {
        Assert.Equal(["Unknown language 'cobol'."], IrcReplySplitter.Split("Unknown language 'cobol'.", 400, 3));
    }
}

using System.Text.RegularExpressions;
using CodeCube.Core.Replies;
using static CodeCube.Core.Tests.Replies.FormatterTestData;

namespace CodeCube.Core.Tests.Replies;

public sealed partial class MarkdownReplyTests
{
    private readonly ReplyFormatter formatter = new();

    [Fact]
    public void Discord_output_sits_in_a_code_block_above_the_footer()
    {
        var reply = formatter.Format(Result("hello\nworld\n"), Link, Discord());

        Assert.Equal($"```\nhello\nworld\n```\npython 3.11.2 · exit 0 · 43 ms · <{Link}>", reply.Text);
        Assert.Null(reply.Attachment);
    }

    [Fact]
    public void Slack_output_sits_in_a_code_block_with_a_slack_link()
    {
        var reply = formatter.Format(Result("hi\n"), Link, Slack());

        Assert.Equal($"```\nhi\n```\npython 3.11.2 · exit 0 · 43 ms · <{Link}>", reply.Text);
    }

    [Theory]
    [InlineData("```\nbreak out\n```")]
    [InlineData("````")]
    [InlineData("`````````")]
    [InlineData("a``b")]
    [InlineData("``\n``\n``")]
    public void Backticks_in_output_cannot_close_the_fence(string output)
    {
        foreach (var caps in new[] { Discord(), Slack() })
        {
            var text = formatter.Format(Result(output + "\n@here"), Link, caps).Text;

            Assert.Equal(2, FenceCount(text));
            Assert.DoesNotContain("``", text.Split("```")[1], StringComparison.Ordinal);
            Assert.Equal(output.Replace("\u200B", ""), text.Split("```")[1].Replace("\u200B", "").Trim('\n')[..output.Length]);
        }
    }

    [Theory]
    [InlineData("@everyone look")]
    [InlineData("@here")]
    [InlineData("@EVERYONE")]
    [InlineData("<@123456789012345678>")]
    [InlineData("<@!123456789012345678>")]
    [InlineData("<@&987654321098765432>")]
    [InlineData("<#555555555555555555>")]
    [InlineData("</ban:123>")]
    public void Discord_mentions_in_output_never_ping(string output)
    {
        var text = formatter.Format(Result(output), Link, Discord()).Text;

        Assert.DoesNotMatch(DiscordMention(), text);
        Assert.Contains(output, text.Replace("\u200B", ""), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<!channel>", "&lt;!channel&gt;")]
    [InlineData("<!here|here>", "&lt;!here|here&gt;")]
    [InlineData("<@U0123ABC>", "&lt;@U0123ABC&gt;")]
    [InlineData("a & b", "a &amp; b")]
    [InlineData("&lt;", "&amp;lt;")]
    [InlineData("@channel", "@\u200Bchannel")]
    public void Slack_escapes_angle_brackets_and_ampersands(string output, string expected)
    {
        var text = formatter.Format(Result(output), Link, Slack()).Text;

        Assert.Contains($"```\n{expected}\n```", text, StringComparison.Ordinal);
        Assert.Equal(1, text.Count(c => c == '<'));  // only our link
    }

    [Fact]
    public void Control_characters_are_shown_as_symbols_and_escape_sequences_go_on_discord_and_slack()
    {
        foreach (var caps in new[] { Discord(), Slack() })
        {
            var text = formatter.Format(Result("a\u001b[0m\rb\0\u0085\tc"), Link, caps).Text;

            Assert.Contains("a␍b␀\uFFFD\tc", text, StringComparison.Ordinal);
            Assert.DoesNotContain(text, c => c < 0x20 && c is not ('\n' or '\t'));
        }
    }

    [Fact]
    public void Too_many_lines_are_cut_with_a_marker_and_the_link()
    {
        var text = formatter.Format(Result(Lines(100)), Link, Discord(maxLines: 20)).Text;

        Assert.Contains("line 20\n```\n… 80 more lines (full output at the link)\npython", text, StringComparison.Ordinal);
        Assert.DoesNotContain("line 21", text, StringComparison.Ordinal);
        Assert.EndsWith($"<{Link}>", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Huge_output_is_counted_in_full()
    {
        var text = formatter.Format(Result(Lines(100_000)), Link, Discord(maxLines: 20)).Text;

        Assert.Contains("line 20\n```\n… 99980 more lines (full output at the link)", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 5000)]
    [InlineData(3, 1500)]
    [InlineData(400, 30)]
    [InlineData(2, 10_000)]
    public void Long_output_is_cut_to_the_message_size(int lines, int width)
    {
        var output = string.Join('\n', Enumerable.Range(0, lines).Select(i => new string((char)('a' + (i % 26)), width)));
        foreach (var caps in new[] { Discord(maxLines: 1000), Slack() })
        {
            var text = formatter.Format(Result(output), Link, caps).Text;

            Assert.InRange(text.Length, 1, caps.MaxMessageChars);
            Assert.Equal(2, FenceCount(text));
            Assert.Matches("… (\\d+ more lines?|rest of the line cut|line cut, \\d+ more after it) \\(full output at the link\\)", text);
            Assert.EndsWith($"<{Link}>", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_cut_never_splits_a_surrogate_pair_or_a_slack_entity()
    {
        var emoji = formatter.Format(Result(string.Concat(Enumerable.Repeat("😀", 3000))), Link, Discord()).Text;
        var entities = formatter.Format(Result(new string('<', 3000)), Link, Slack()).Text;

        Assert.True(StrictUtf8Bytes(emoji) > 0);
        var body = entities.Split("```")[1];
        Assert.Matches("^\n(&lt;)+\n$", body);
    }

    [Fact]
    public void Long_output_is_attached_where_uploads_work_and_a_short_preview_stays_inline()
    {
        var output = Lines(100);
        var reply = formatter.Format(Result(output), Link, Discord(uploads: true));

        Assert.NotNull(reply.Attachment);
        Assert.Equal("output.txt", reply.Attachment.FileName);
        Assert.StartsWith("text/plain", reply.Attachment.ContentType, StringComparison.Ordinal);
        Assert.Equal(output.TrimEnd('\n'), Encoding.UTF8.GetString(reply.Attachment.Content));
        Assert.Contains("line 10\n```\n… 90 more lines (full output attached)\n", reply.Text, StringComparison.Ordinal);
        Assert.EndsWith($"<{Link}>", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Short_output_gets_no_attachment_even_where_uploads_work()
    {
        Assert.Null(formatter.Format(Result(Lines(3)), Link, Slack(uploads: true)).Attachment);
    }

    [Fact]
    public void No_output_is_said_outside_a_code_block()
    {
        var text = formatter.Format(Result(""), Link, Discord()).Text;

        Assert.Equal($"(no output)\npython 3.11.2 · exit 0 · 43 ms · <{Link}>", text);
    }

    [Fact]
    public void Notices_escape_markdown_and_mentions()
    {
        var discord = formatter.FormatNotice("unknown language '@everyone' **x** <@&1> [a](b) a-b\n# no\n> quote", Discord());
        var slack = formatter.FormatNotice("unknown language '<!channel>' & more", Slack());

        Assert.Equal("unknown language '@\u200Beveryone' \\*\\*x\\*\\* <\u200B@&1> \\[a\\](b) a-b\n\\# no\n\\> quote", discord);
        Assert.Equal("unknown language '&lt;!channel&gt;' &amp; more", slack);
    }

    [GeneratedRegex("@(everyone|here)|<[@#/]", RegexOptions.IgnoreCase)]
    private static partial Regex DiscordMention();
}

using System.Text.RegularExpressions;
using CodeCube.Core.Replies;
using static CodeCube.Core.Tests.Replies.FormatterTestData;

namespace CodeCube.Core.Tests.Replies;

/// <summary>
/// Colours in program output: Discord gets whitelisted SGR codes in a ```ansi block, rebuilt rather than copied;
/// every other sequence goes, and so does every sequence on Slack and IRC. Output stays data throughout.
/// </summary>
public sealed partial class AnsiReplyTests
{
    private const string E = "\u001b";
    private readonly ReplyFormatter formatter = new();

    public static TheoryData<string, string> DiscordCases { get; } = new()
    {
        // input → what the block holds
        { $"{E}[1;31merror{E}[0m: x", $"{E}[0;1;31merror{E}[0m: x" },
        { $"{E}[01;31m{E}[Kerror{E}[m{E}[K", $"{E}[0;1;31merror{E}[0m" },                 // gcc's own style
        { $"{E}[91mbright{E}[0m", $"{E}[0;31mbright{E}[0m" },                               // bright folds
        { $"{E}[4;42munder{E}[24mnot{E}[0m", $"{E}[0;4;42munder{E}[0;42mnot{E}[0m" },
        { $"{E}[31mred{E}[39mplain", $"{E}[0;31mred{E}[0mplain" },                          // 39 back to default
        { $"{E}[31mstill red", $"{E}[0;31mstill red{E}[0m" },                              // never runs past the end
        { $"{E}[3mitalic{E}[2mdim{E}[0m", "italicdim" },                                   // Discord has neither
        { $"{E}[38;5;196mx{E}[48;2;1;2;3my{E}[0m", "xy" },                                 // 256 and true colour
        { $"{E}[38:2:255:0:0mx", "x" },
        { $"{E}[2J{E}[H{E}[?25l{E}[5Aup", "up" },                                         // screen and cursor
        { $"{E}]0;title{E}\\{E}]8;;https://evil.example{E}\\link{E}]8;;{E}\\", "link" },     // title, hyperlink
        { $"{E}]0;bel{'\a'}x{E}Py{E}\\z", "xz" },
        { $"a{E}7b{E}(Bc", "abc" },
        { $"{E}[31m{E}[0m{E}[32m{E}[1mok", $"{E}[0;1;32mok{E}[0m" },                        // one sequence per change
    };

    [Theory]
    [MemberData(nameof(DiscordCases))]
    public void Discord_keeps_only_whitelisted_colours(string output, string block)
    {
        var text = formatter.Format(Result(output), Link, Discord()).Text;

        var fence = block.Contains(E, StringComparison.Ordinal) ? "```ansi\n" : "```\n";
        Assert.StartsWith(fence + block + "\n```\n", text, StringComparison.Ordinal);
        Assert.DoesNotMatch(ForeignEscape(), text);
    }

    [Fact]
    public void Coloured_output_is_still_data_on_discord()
    {
        var text = formatter.Format(Result($"{E}[31m```\n@everyone <@123> {E}[1m``{E}[0m`\n"), Link, Discord()).Text;

        Assert.StartsWith("```ansi\n", text, StringComparison.Ordinal);
        Assert.Equal(2, FenceCount(text));
        Assert.DoesNotContain("@everyone", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<@", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Slack_and_irc_strip_every_sequence()
    {
        const string Output = $"{E}[1;31mred{E}[0m {E}]8;;https://evil.example{E}\\link{E}]8;;{E}\\ {E}[2Jend\n";
        foreach (var caps in new[] { Slack(), Irc() })
        {
            var text = formatter.Format(Result(Output), Link, caps).Text;

            Assert.Contains("red link end", text, StringComparison.Ordinal);
            Assert.DoesNotContain(E, text, StringComparison.Ordinal);
            Assert.DoesNotContain("␛", text, StringComparison.Ordinal);
            Assert.DoesNotContain("```ansi", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_cut_line_never_splits_a_colour_sequence()
    {
        var line = string.Concat(Enumerable.Range(0, 400).Select(i => $"{E}[3{i % 8}mx"));
        for (var max = 300; max < 420; max++)
        {
            var caps = Discord() with { MaxMessageChars = max };

            var text = formatter.Format(Result(line + "\nnext\n"), Link, caps).Text;

            Assert.InRange(text.Length, 1, max);
            Assert.DoesNotMatch(ForeignEscape(), text);
        }
    }

    // Any ESC that does not start a sequence the whitelist builds.
    [GeneratedRegex("\u001b(?!\\[0(;1)?(;4)?(;3[0-7])?(;4[0-7])?m)")]
    private static partial Regex ForeignEscape();
}

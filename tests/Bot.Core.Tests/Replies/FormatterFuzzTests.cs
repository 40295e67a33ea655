using CodeCube.Core.Replies;
using static CodeCube.Core.Tests.Replies.FormatterTestData;

namespace CodeCube.Core.Tests.Replies;

/// <summary>Hostile output, generated from a fixed seed: the safety rules must hold for every reply.</summary>
public sealed class FormatterFuzzTests
{
    private static readonly string[] Pieces =
    [
        "a", "word ", "€", "😀", "e\u0301", "\n", "\n\n", "\r", "\r\n", "\0", "\u001b[31m", "\u001b[1;97;44m", "\u001b[0m",
        "\u001b", "\u001b[", "\u001b[38;5;9m", "\u001b]8;;https://x.example\u0007", "\u001b[2J", "\u0002", "\u0003", "\t",
        "\u0085", "\u009b", "\u2028", "\u202e", "\uD800", "\uDC00", "`", "``", "```", "````", "@everyone", "@here",
        "<@123>", "<@&456>", "<#789>", "<!channel>", "&", "&amp;", "<", ">", "!kick x", " ",
    ];

    public static TheoryData<string> Platforms { get; } = ["irc", "irc-narrow", "discord", "discord-uploads", "slack"];

    [Theory]
    [MemberData(nameof(Platforms))]
    public void Every_reply_obeys_the_platform_rules(string platform)
    {
        var caps = platform switch
        {
            "irc" => Irc(maxLines: 8, maxLineBytes: 400),
            "irc-narrow" => Irc(maxLines: 30, maxLineBytes: 9),
            "discord" => Discord(),
            "discord-uploads" => Discord(uploads: true),
            _ => Slack(uploads: true),
        };
        var random = new Random(20_261_126);
        var formatter = new ReplyFormatter();
        for (var i = 0; i < 300; i++)
        {
            var stdout = Generate(random, random.Next(0, i < 250 ? 60 : 3000));
            var stderr = Generate(random, random.Next(0, 20));
            var text = formatter.Format(Result(stdout, stderr), Link, caps).Text;
            try
            {
                Check(text, caps);
            }
            catch (Exception ex)
            {
                throw new InvalidOperationException($"case {i}: {Visible(stdout)} → {Visible(text)}", ex);
            }
        }
    }

    private static void Check(string text, ChatCapabilities caps)
    {
        Assert.DoesNotContain(text, c => c < 0x20 && c != '\n' && (c != '\t' || caps.Markup == TextMarkup.Plain)
            && (c != '\u001b' || caps.Markup != TextMarkup.DiscordMarkdown));
        // On Discord an ESC only ever starts a colour sequence the whitelist built, inside a ```ansi block.
        Assert.DoesNotMatch("\u001b(?!\\[0(;1)?(;4)?(;3[0-7])?(;4[0-7])?m)", text);
        Assert.True(!text.Contains('\u001b', StringComparison.Ordinal) || text.StartsWith("```ansi\n", StringComparison.Ordinal), "ESC outside an ansi block");
        Assert.DoesNotContain(text, c => c is >= '\u007f' and <= '\u009f' or '\u2028' or '\u202e');
        StrictUtf8Bytes(text);
        if (caps.Markup == TextMarkup.Plain)
        {
            var lines = text.Split('\n');
            Assert.All(lines, l => Assert.InRange(Encoding.UTF8.GetByteCount(l), 1, caps.MaxLineBytes));
            Assert.DoesNotContain(lines, l => l.StartsWith('!'));
            Assert.EndsWith(Link, string.Concat(lines).Replace("\u200B", "", StringComparison.Ordinal), StringComparison.Ordinal);
            return;
        }

        Assert.InRange(text.Length, 1, caps.MaxMessageChars);
        Assert.Contains(FenceCount(text), new[] { 0, 2 });
        Assert.EndsWith($"<{Link}>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("@everyone", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@here", text, StringComparison.OrdinalIgnoreCase);
        if (caps.Markup == TextMarkup.DiscordMarkdown)
        {
            Assert.DoesNotContain("<@", text, StringComparison.Ordinal);
            Assert.DoesNotContain("<#", text, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(1, text.Count(c => c == '<'));
            Assert.Matches("^([^&]|&(amp|lt|gt);)*$", text);
        }
    }

    private static string Generate(Random random, int count)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            builder.Append(Pieces[random.Next(Pieces.Length)]);
        }

        return builder.ToString();
    }

    private static string Visible(string text) =>
        string.Concat(text.Take(300).Select(c => c < 0x20 || char.IsSurrogate(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}

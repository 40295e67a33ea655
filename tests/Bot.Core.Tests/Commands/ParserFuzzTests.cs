using CodeCube.Core.Commands;

namespace CodeCube.Core.Tests.Commands;

public sealed class ParserFuzzTests
{
    private static readonly string[] Pieces =
    [
        "!run", "!run ", "py", " js", " sh ", "pyhton", "\n", "\r\n", "\r", "`", "``", "```", "````", "```py\n",
        "stdin", "stdin:", " ", "print(1)", "\"a b\"", "'", "\"", "Bot:", "https://cc.example/s/AbCdEf123456",
        "AbCdEf123456", "€", "😀", "\uD800", "\t", "x",
    ];

    [Fact]
    public void Any_text_parses_to_a_command_without_throwing()
    {
        var parser = CommandParserTests.Parser();
        var random = new Random(4242);
        for (var i = 0; i < 5000; i++)
        {
            var text = Generate(random, random.Next(0, 25), forceCommand: i % 2 == 0);
            var replied = random.Next(3) == 0 ? Generate(random, random.Next(0, 10), forceCommand: false) : null;
            var markup = (TextMarkup)random.Next(3);

            var command = parser.Parse(text, replied, markup);

            if (command is Command.Run run)
            {
                Assert.False(string.IsNullOrWhiteSpace(run.Request.Code), $"case {i}: {text}");
                Assert.DoesNotContain('\r', run.Request.Code);
                Assert.True(run.Request.Stdin.Length == 0 || run.Request.Stdin.EndsWith('\n'));
            }
        }
    }

    private static string Generate(Random random, int count, bool forceCommand)
    {
        var builder = new StringBuilder(forceCommand ? "!run " : "");
        for (var i = 0; i < count; i++)
        {
            builder.Append(Pieces[random.Next(Pieces.Length)]);
        }

        return builder.ToString();
    }
}

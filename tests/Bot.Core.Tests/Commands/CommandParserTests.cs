using CodeCube.Core.Commands;
using CodeCube.Core.Options;
using CodeCube.Core.Running;
using Microsoft.Extensions.Options;

namespace CodeCube.Core.Tests.Commands;

public sealed class CommandParserTests
{
    internal static CommandParser Parser(PipelineOptions? options = null, InputLimitsOptions? limits = null) => new(
        new FakeLanguages(),
        new Permalinks(Microsoft.Extensions.Options.Options.Create(new PermalinkOptions { PublicBaseUrl = "https://cc.example" })),
        Microsoft.Extensions.Options.Options.Create(options ?? new PipelineOptions()),
        Microsoft.Extensions.Options.Options.Create(limits ?? new InputLimitsOptions()));

    [Theory]
    [MemberData(nameof(ParserCases.All), MemberType = typeof(ParserCases))]
    public void Parses_the_command_grammar(ParserCase row)
    {
        var actual = Parser().Parse(row.Text, row.Replied, row.Markup);
        AssertMatches(row.Expected, actual);
    }

    [Fact]
    public void Prefix_is_configurable()
    {
        var parser = Parser(new PipelineOptions { Prefix = "cc!" });

        AssertMatches(new Expect.Run("python", "print(1)"), parser.Parse("cc!run py print(1)"));
        AssertMatches(new Expect.Not(), parser.Parse("!run py print(1)"));
        AssertMatches(new Expect.Error("usage: cc!run <language>"), parser.Parse("cc!run"));
    }

    [Fact]
    public void Code_over_the_byte_limit_says_the_limit()
    {
        var parser = Parser(limits: new InputLimitsOptions { MaxCodeBytes = 100 });

        // 40 × '€' is 40 characters but 120 UTF-8 bytes.
        var error = parser.Parse("!run py " + new string('€', 40));

        AssertMatches(new Expect.Error("the code is 120 bytes; the limit is 100 bytes"), error);
        AssertMatches(new Expect.Run("python", new string('€', 33)), parser.Parse("!run py " + new string('€', 33)));
    }

    [Fact]
    public void Default_code_limit_is_64_KiB()
    {
        var error = Parser().Parse("!run py\n```\n" + new string('x', 70_000) + "\n```");

        AssertMatches(new Expect.Error("the code is 68.4 KiB; the limit is 64 KiB"), error);
    }

    [Fact]
    public void Stdin_over_the_byte_limit_says_the_limit()
    {
        var parser = Parser(limits: new InputLimitsOptions { MaxStdinBytes = 10 });

        var error = parser.Parse("!run py ```x```\n```\n0123456789abc\n```");

        AssertMatches(new Expect.Error("the stdin is 14 bytes; the limit is 10 bytes"), error);
    }

    [Fact]
    public void Parses_an_incoming_message_with_its_reply()
    {
        var message = new IncomingMessage(new Conversation("discord", "c1"), "m1", new ChatUser("u1", "Ann"),
            "!run", "```js\nconsole.log(1)\n```", DateTimeOffset.UnixEpoch);

        AssertMatches(new Expect.Run("javascript", "console.log(1)"), Parser().Parse(message, TextMarkup.DiscordMarkdown));
    }

    internal static void AssertMatches(Expect expected, Command actual)
    {
        switch (expected)
        {
            case Expect.Run run:
                var command = Assert.IsType<Command.Run>(actual);
                Assert.Equal(run.Language, command.Request.Language);
                Assert.Equal(run.Code, command.Request.Code);
                Assert.Equal(run.Stdin, command.Request.Stdin);
                Assert.Equal(run.Args, command.Request.Arguments);
                break;
            case Expect.Rerun rerun:
                Assert.Equal(rerun.Id, Assert.IsType<Command.RerunSnippet>(actual).SnippetId);
                break;
            case Expect.Help:
                Assert.IsType<Command.Help>(actual);
                break;
            case Expect.Languages:
                Assert.IsType<Command.Languages>(actual);
                break;
            case Expect.Not:
                Assert.IsType<Command.NotACommand>(actual);
                break;
            case Expect.Error error:
                Assert.Contains(error.Contains, Assert.IsType<Command.ParseError>(actual).Message, StringComparison.Ordinal);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(expected));
        }
    }
}

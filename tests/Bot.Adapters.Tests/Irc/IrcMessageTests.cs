using CodeCube.Adapters.Irc;
using CodeCube.Adapters.Tests.Irc.Fixtures;

namespace CodeCube.Adapters.Tests.Irc;

public class IrcMessageTests
{
    public static TheoryData<string> TagExamples() => new(IrcFixtures.ProtocolLines("ircv3-message-tags-examples.txt"));

    [Theory]
    [MemberData(nameof(TagExamples))]
    public void Spec_examples_survive_a_serialise_and_parse_round_trip(string line)
    {
        var message = IrcMessage.Parse(line)!;

        var again = IrcMessage.Parse(message.Serialize())!;

        Assert.Equal(message.Tags, again.Tags);
        Assert.Equal(message.Prefix, again.Prefix);
        Assert.Equal(message.Command, again.Command);
        Assert.Equal(message.Params, again.Params);
    }

    [Fact]
    public void Tagged_message_with_prefix_splits_into_its_parts()
    {
        var m = IrcMessage.Parse("@+icon=https://example.com/favicon.png :url_bot!bot@example.com PRIVMSG #channel :Example.com: A News Story")!;

        Assert.Equal("https://example.com/favicon.png", m.Tags["+icon"]);
        Assert.Equal("url_bot!bot@example.com", m.Prefix);
        Assert.Equal(new IrcSource("url_bot", "bot", "example.com"), IrcSource.Parse(m.Prefix));
        Assert.Equal("PRIVMSG", m.Command);
        Assert.Equal(["#channel", "Example.com: A News Story"], m.Params);
    }

    [Fact]
    public void Escape_vector_from_the_spec_unescapes_to_the_raw_value_and_back()
    {
        var vector = IrcFixtures.Lines("ircv3-message-tags-escape-vector.txt");
        var raw = vector.Single(l => l.StartsWith("raw: ", StringComparison.Ordinal))[5..];
        var escaped = vector.Single(l => l.StartsWith("escaped: ", StringComparison.Ordinal))[9..];

        Assert.Equal(raw, IrcMessage.UnescapeTagValue(escaped));
        Assert.Equal(escaped, IrcMessage.EscapeTagValue(raw));
        Assert.Equal(raw, IrcMessage.Parse($"@+example={escaped} :irc.example.com NOTICE #channel :Message")!.Tags["+example"]);
    }

    [Theory]
    [InlineData(@"a\b", "ab")]
    [InlineData(@"trailing\", "trailing")]
    [InlineData(@"cr\rlf\n", "cr\rlf\n")]
    public void Tag_unescaping_follows_the_lenient_spec_rules(string escaped, string expected) =>
        Assert.Equal(expected, IrcMessage.UnescapeTagValue(escaped));

    [Fact]
    public void Tag_without_value_and_duplicate_keys_follow_the_spec()
    {
        var m = IrcMessage.Parse("@a;b=1;b=2 PING x")!;

        Assert.Equal("", m.Tags["a"]);
        Assert.Equal("2", m.Tags["b"]);
    }

    public static TheoryData<string> CtcpExamples() => new(IrcFixtures.Lines("ctcp-examples.escaped.txt").Select(IrcFixtures.Unescape));

    [Theory]
    [MemberData(nameof(CtcpExamples))]
    public void Ctcp_examples_keep_their_delimiters_in_the_trailing_parameter(string line)
    {
        var m = IrcMessage.Parse(line)!;

        Assert.StartsWith("\x01", m.Param(1), StringComparison.Ordinal);
        Assert.EndsWith("\x01", m.Param(1), StringComparison.Ordinal);
        Assert.Equal(m.Params, IrcMessage.Parse(m.Serialize())!.Params);
    }

    [Theory]
    [InlineData("PING", "PING", new string[0])]
    [InlineData("ping :", "PING", new[] { "" })]
    [InlineData(":srv 005 me A=1 B :are supported", "005", new[] { "me", "A=1", "B", "are supported" })]
    [InlineData("PRIVMSG   #c   ::-)", "PRIVMSG", new[] { "#c", ":-)" })]
    [InlineData("USER a 0 * :real name\r\n", "USER", new[] { "a", "0", "*", "real name" })]
    public void Parameters_middle_and_trailing(string line, string command, string[] parameters)
    {
        var m = IrcMessage.Parse(line)!;

        Assert.Equal(command, m.Command);
        Assert.Equal(parameters, m.Params);
    }

    [Theory]
    [InlineData("")]
    [InlineData(":prefixonly")]
    [InlineData("@tagsonly")]
    public void Lines_without_a_command_are_rejected(string line) => Assert.Null(IrcMessage.Parse(line));

    [Theory]
    [InlineData("hi\r\nQUIT :bye")]
    [InlineData("hi\nPRIVMSG #other :spam")]
    [InlineData("nul\0")]
    public void Serialising_refuses_line_breaks_and_nul_anywhere(string text) =>
        Assert.Throws<ArgumentException>(() => IrcMessage.Create("PRIVMSG", "#c", text).Serialize());

    [Theory]
    [InlineData("#a #b")]
    [InlineData(":#a")]
    [InlineData("")]
    public void Serialising_refuses_middle_parameters_that_would_shift_the_others(string target) =>
        Assert.Throws<ArgumentException>(() => IrcMessage.Create("PRIVMSG", target, "text").Serialize());

    [Fact]
    public void Last_parameter_gets_a_colon_only_when_it_needs_one()
    {
        Assert.Equal("PRIVMSG #c word", IrcMessage.Create("PRIVMSG", "#c", "word").Serialize());
        Assert.Equal("PRIVMSG #c :two words", IrcMessage.Create("PRIVMSG", "#c", "two words").Serialize());
        Assert.Equal("PRIVMSG #c ::x", IrcMessage.Create("PRIVMSG", "#c", ":x").Serialize());
        Assert.Equal("PRIVMSG #c :", IrcMessage.Create("PRIVMSG", "#c", "").Serialize());
    }

    [Fact]
    public void Tags_are_escaped_when_serialised()
    {
        var m = new IrcMessage(new Dictionary<string, string> { ["k"] = "a b;c\\" }, null, "TAGMSG", ["#c"]);

        Assert.Equal(@"@k=a\sb\:c\\ TAGMSG #c", m.Serialize());
        Assert.Equal("a b;c\\", IrcMessage.Parse(m.Serialize())!.Tags["k"]);
    }

    [Theory]
    [InlineData("irc.example.com", "irc.example.com", "", "")]
    [InlineData("nick!~user@127.0.0.1", "nick", "~user", "127.0.0.1")]
    [InlineData("nick@host", "nick", "", "host")]
    public void Source_prefix_splits_into_nick_user_and_host(string prefix, string nick, string user, string host) =>
        Assert.Equal(new IrcSource(nick, user, host), IrcSource.Parse(prefix));
}

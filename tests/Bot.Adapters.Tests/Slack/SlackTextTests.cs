using CodeCube.Adapters.Slack;

namespace CodeCube.Adapters.Tests.Slack;

public sealed class SlackTextTests
{
    [Theory]
    [InlineData("x &lt; y", "x < y")]
    [InlineData("```if (a &amp;&amp; b &gt; c) {}```", "```if (a && b > c) {}```")]
    [InlineData("&amp;lt; stays an entity the user typed", "&lt; stays an entity the user typed")]
    [InlineData("see <http://example.com>", "see http://example.com")]
    [InlineData("open <http://main.py|main.py>", "open main.py")]
    [InlineData("mail <mailto:a@b.c|a@b.c>", "mail a@b.c")]
    [InlineData("<@U111> !run", "@U111 !run")]
    [InlineData("<@U111|ana> hi", "@ana hi")]
    [InlineData("in <#C123|general>", "in #general")]
    [InlineData("<!here> and <!channel>", "@here and @channel")]
    [InlineData("<!subteam^S1|@devs> ping", "@devs ping")]
    [InlineData("print(\"&lt;b&gt;\")", "print(\"<b>\")")]
    [InlineData("plain text", "plain text")]
    [InlineData("", "")]
    public void Decode_turns_Slack_markup_into_what_the_user_typed(string slack, string expected) =>
        Assert.Equal(expected, SlackText.Decode(slack));

    [Fact]
    public void Decoded_code_from_the_official_envelope_keeps_its_text()
    {
        var envelope = SlackFixtures.Element("socketmode-sdk-envelope-events_api-message.json");
        var text = envelope.GetProperty("payload").GetProperty("event").GetProperty("text").GetString()!;
        Assert.Equal("@U111 Hi here!", SlackText.Decode(text));
    }

    [Fact]
    public void Cut_leaves_short_text_alone() => Assert.Equal("short", SlackText.Cut("short"));

    [Fact]
    public void Cut_never_splits_a_surrogate_pair()
    {
        var text = new string('a', 3999) + "😀tail";
        Assert.Equal(new string('a', 3999), SlackText.Cut(text));
    }

    [Fact]
    public void Cut_never_leaves_half_an_entity()
    {
        var text = new string('a', 3997) + "&lt;more";
        Assert.Equal(new string('a', 3997), SlackText.Cut(text));
    }

    [Fact]
    public void Cut_keeps_a_whole_entity_that_ends_before_the_limit()
    {
        var text = new string('a', 3996) + "&lt;more";
        Assert.Equal(new string('a', 3996) + "&lt;", SlackText.Cut(text));
    }
}

using CodeCube.Adapters.Irc;
using Microsoft.Extensions.Options;

namespace CodeCube.Adapters.Tests.Irc;

public class IrcChatAdapterTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
    private readonly IrcChatAdapter _adapter;

    public IrcChatAdapterTests()
    {
        var options = Options.Create(new IrcOptions
        {
            Server = "irc.test",
            Nick = "cube",
            MaxLinesPerReply = 4,
            Channels = [new IrcChannelOptions { Name = "#code" }, new IrcChannelOptions { Name = "#a-much-longer-channel-name-than-any-nick" }],
        });
        var client = new IrcClient(options, new ScriptedConnector(), _time, NullLogger<IrcClient>.Instance);
        _adapter = new IrcChatAdapter(client, options, _time, NullLogger<IrcChatAdapter>.Instance);
    }

    [Theory]
    [InlineData("cube: !run py 1", "!run py 1")]
    [InlineData("CUBE,   !run py 1", "!run py 1")]
    [InlineData("cubes: !run", "cubes: !run")]
    [InlineData("cube:!run", "cube:!run")]
    [InlineData("!run py 1", "!run py 1")]
    public void Addressing_the_bot_is_stripped(string text, string expected) =>
        Assert.Equal(expected, IrcChatAdapter.StripAddressing(text, "cube"));

    [Fact]
    public void Channel_message_becomes_message_created_with_the_author_keyed_on_the_host_not_the_nick()
    {
        var created = _adapter.Translate(IrcMessage.Parse(":ann!~a@host.example PRIVMSG #code :cube: \x02!run\x02 py 1")!)!;

        Assert.Equal(new Conversation("irc", "#code"), created.Message.Where);
        Assert.Equal("!run py 1", created.Message.Text);
        Assert.Equal(new ChatUser("host:host.example", "ann"), created.Message.Author);
        Assert.Equal(_time.GetUtcNow(), created.Message.SentAt);
        // A nick change keeps the key, so it cannot reset quotas.
        var renamed = _adapter.Translate(IrcMessage.Parse(":ann_!~b@host.example PRIVMSG #code :hi")!)!;
        Assert.Equal("host:host.example", renamed.Message.Author.Id);
    }

    [Fact]
    public void A_services_account_tag_keys_the_author_on_the_account()
    {
        var created = _adapter.Translate(IrcMessage.Parse("@account=annie :ann!~a@1.2.3.4 PRIVMSG #code :hi")!)!;

        Assert.Equal(new ChatUser("account:annie", "ann"), created.Message.Author);
    }

    [Fact]
    public void Private_message_is_a_direct_conversation_with_the_sender()
    {
        var created = _adapter.Translate(IrcMessage.Parse("@time=2025-05-06T07:08:09.000Z;msgid=abc :ann!a@h PRIVMSG cube :!run js 1")!)!;

        Assert.Equal(new Conversation("irc", "ann", IsDirect: true), created.Message.Where);
        Assert.Equal("abc", created.Message.MessageId);
        Assert.Equal(new DateTimeOffset(2025, 5, 6, 7, 8, 9, TimeSpan.Zero), created.Message.SentAt);
    }

    [Theory]
    [InlineData(":irc.test PRIVMSG #code :server notice")]
    [InlineData(":cube!c@h PRIVMSG #code :my own echo")]
    public void Messages_not_from_other_people_are_ignored(string line) =>
        Assert.Null(_adapter.Translate(IrcMessage.Parse(line)!));

    [Theory]
    [InlineData("#code")]
    [InlineData("ann")]
    public void Safe_targets_are_accepted(string target) => Assert.True(IrcChatAdapter.IsSafeTarget(target));

    [Theory]
    [InlineData("#a,#b")]
    [InlineData("#a :x")]
    [InlineData("#a\r\nQUIT")]
    [InlineData(":x")]
    [InlineData("")]
    public async Task Targets_that_would_reach_elsewhere_are_refused(string target)
    {
        Assert.False(IrcChatAdapter.IsSafeTarget(target));
        await Assert.ThrowsAsync<ArgumentException>(() =>
            _adapter.SendAsync(new OutgoingReply(new Conversation("irc", target), "hi"), CancellationToken.None));
    }

    [Fact]
    public void Capabilities_describe_plain_lines_for_the_longest_target()
    {
        var caps = _adapter.Capabilities;

        Assert.Equal(TextMarkup.Plain, caps.Markup);
        Assert.Equal(4, caps.MaxOutputLines);
        Assert.False(caps.SupportsEdits);
        Assert.Equal(_adapter.Client.BudgetFor("#a-much-longer-channel-name-than-any-nick"), caps.MaxLineBytes);
        Assert.True(caps.MaxLineBytes < _adapter.Client.BudgetFor("#code"));
        Assert.InRange(caps.MaxLineBytes, 300, 450);
    }

    [Fact]
    public async Task Edits_and_deletes_are_not_supported()
    {
        var sent = new SentMessage(new Conversation("irc", "#code"), "irc-1");

        await Assert.ThrowsAsync<NotSupportedException>(() => _adapter.EditAsync(sent, new OutgoingReply(sent.Where, "x"), CancellationToken.None));
        await Assert.ThrowsAsync<NotSupportedException>(() => _adapter.DeleteAsync(sent, CancellationToken.None));
    }
}

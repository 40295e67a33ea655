using CodeCube.Core.Chat;
using CodeCube.Core.Pipeline;

namespace CodeCube.Core.Tests.Pipeline;

public sealed class MessageOrderTests
{
    private static readonly Conversation Where = new("discord", "c1");

    private static MessageCreated Created(string id) =>
        new(new IncomingMessage(Where, id, new ChatUser("u1", "Ann"), "!run py 1", null, DateTimeOffset.UnixEpoch));

    private static MessageEdited Edited(string id, string text) =>
        new(new IncomingMessage(Where, id, new ChatUser("u1", "Ann"), text, null, DateTimeOffset.UnixEpoch));

    private static MessageDeleted Deleted(string id) => new(Where, id);

    [Fact]
    public void Events_of_a_busy_message_are_parked_and_handed_to_the_worker_that_finishes_it()
    {
        var order = new MessageOrder();
        var created = Created("m1");
        var edit = Edited("m1", "!run py 2");

        Assert.True(order.TryStart(created));
        Assert.False(order.TryStart(edit));
        Assert.True(order.TryStart(Created("m2"))); // another message is not held up

        Assert.Same(edit, order.Finish(created));
        Assert.Null(order.Finish(edit));
        Assert.True(order.TryStart(Edited("m1", "!run py 3"))); // idle again: straight through
    }

    [Fact]
    public void Parked_edits_collapse_into_the_latest_and_a_delete_drops_them()
    {
        var order = new MessageOrder();
        var created = Created("m1");
        order.TryStart(created);
        var latest = Edited("m1", "!run py 3");

        order.TryStart(Edited("m1", "!run py 1"));
        order.TryStart(Edited("m1", "!run py 2"));
        order.TryStart(latest);
        Assert.Same(latest, order.Finish(created));
        Assert.Null(order.Finish(latest));

        order.TryStart(created);
        order.TryStart(Edited("m1", "!run py 4"));
        var delete = Deleted("m1");
        order.TryStart(delete);
        Assert.Same(delete, order.Finish(created));
        Assert.Null(order.Finish(delete));
        Assert.Equal(0, order.InFlight);
    }
}

using CodeCube.Core.Chat;

namespace CodeCube.Core.Pipeline;

/// <summary>
/// Keeps the events of one message in order without anyone waiting: the first event of a message is handed out at
/// once; events arriving while it is handled are parked, and <see cref="Finish"/> hands back the next parked one to
/// the worker that is done. Parked edits collapse (only the latest text matters) and a delete drops the edits
/// parked before it. Thread-safe.
/// </summary>
public sealed class MessageOrder
{
    private readonly Dictionary<(string, string, string), LinkedList<ChatEvent>> _inFlight = [];
    private readonly Lock _gate = new();

    /// <summary>True when <paramref name="chatEvent"/> may be handled now; false when it was parked.</summary>
    public bool TryStart(ChatEvent chatEvent)
    {
        if (Key(chatEvent) is not { } key)
        {
            return true;
        }

        lock (_gate)
        {
            if (!_inFlight.TryGetValue(key, out var parked))
            {
                _inFlight[key] = [];
                return true;
            }

            if (chatEvent is MessageEdited or MessageDeleted)
            {
                // Superseded: an edit replaces the edits before it, a delete makes them moot.
                for (var node = parked.First; node is not null;)
                {
                    var following = node.Next;
                    if (node.Value is MessageEdited)
                    {
                        parked.Remove(node);
                    }

                    node = following;
                }
            }

            parked.AddLast(chatEvent);
            return false;
        }
    }

    /// <summary>The next parked event of the same message, or null when the message has nothing more to do.</summary>
    public ChatEvent? Finish(ChatEvent done)
    {
        if (Key(done) is not { } key)
        {
            return null;
        }

        lock (_gate)
        {
            if (_inFlight.TryGetValue(key, out var parked) && parked.First is { } next)
            {
                parked.RemoveFirst();
                return next.Value;
            }

            _inFlight.Remove(key);
            return null;
        }
    }

    /// <summary>Messages with an event in flight (for tests and diagnostics).</summary>
    public int InFlight
    {
        get
        {
            lock (_gate)
            {
                return _inFlight.Count;
            }
        }
    }

    private static (string, string, string)? Key(ChatEvent chatEvent) => chatEvent switch
    {
        MessageCreated e => (e.Message.Where.Platform, e.Message.Where.ChannelId, e.Message.MessageId),
        MessageEdited e => (e.Message.Where.Platform, e.Message.Where.ChannelId, e.Message.MessageId),
        MessageDeleted e => (e.Where.Platform, e.Where.ChannelId, e.MessageId),
        _ => null,
    };
}

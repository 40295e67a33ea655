using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using CodeCube.Core.Chat;
using CodeCube.Core.Interactions;

namespace CodeCube.Core.Pipeline;

/// <summary>The chat area's one Meter: events in, replies out and whether each adapter is connected, per platform.</summary>
public sealed class ChatMetrics
{
    public const string MeterName = "CodeCube.Chat";

    private readonly Counter<long> _events;
    private readonly Counter<long> _replies;
    private readonly ConcurrentDictionary<string, Adapter> _adapters = new(StringComparer.Ordinal);

    public ChatMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _events = meter.CreateCounter<long>("codecube.chat.events", "{event}",
            "Chat events received, by platform and kind (created, edited, deleted)");
        _replies = meter.CreateCounter<long>("codecube.chat.replies", "{message}",
            "Messages the bot sent, edited or deleted, by platform and action");
        meter.CreateObservableGauge("codecube.chat.connected", ObserveConnections, "{adapter}",
            "1 while an adapter is connected to its platform, 0 otherwise");
    }

    /// <summary>Starts reporting an adapter's connection; <paramref name="streaming"/> says its event stream runs.</summary>
    public void Track(IChatAdapter adapter, bool streaming)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        _adapters[adapter.Platform] = new Adapter(adapter, streaming);
    }

    public void Received(string platform, ChatEvent chatEvent)
    {
        var kind = chatEvent switch
        {
            MessageCreated => "created",
            MessageEdited => "edited",
            MessageDeleted => "deleted",
            RunInvoked => "run_invoked",
            LanguageLookup => "language_lookup",
            ButtonClicked => "button",
            _ => "other",
        };
        _events.Add(1, new KeyValuePair<string, object?>("platform", platform), new KeyValuePair<string, object?>("kind", kind));
    }

    /// <summary><paramref name="action"/>: send, edit, delete, or answer (the public answer to an interaction).</summary>
    public void Replied(string platform, string action) =>
        _replies.Add(1, new KeyValuePair<string, object?>("platform", platform), new KeyValuePair<string, object?>("action", action));

    private IEnumerable<Measurement<int>> ObserveConnections() =>
        _adapters.Values.Select(a => new Measurement<int>(
            (a.Instance is IConnectionStatus status ? status.IsConnected : a.Streaming) ? 1 : 0,
            new KeyValuePair<string, object?>("platform", a.Instance.Platform)));

    private sealed record Adapter(IChatAdapter Instance, bool Streaming);
}

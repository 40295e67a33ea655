using System.Text.Json;
using System.Threading.Channels;

namespace CodeCube.Adapters.Slack;

/// <summary>
/// Raw event_callback payloads from either transport (Socket Mode envelopes, Events API requests), read by the
/// adapter. Bounded: Socket Mode waits for room; the HTTP endpoint refuses when full so Slack retries later.
/// </summary>
internal sealed class SlackInbox
{
    private readonly Channel<JsonElement> _channel = Channel.CreateBounded<JsonElement>(
        new BoundedChannelOptions(1024) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });

    public ChannelReader<JsonElement> Reader => _channel.Reader;

    public ValueTask WriteAsync(JsonElement payload, CancellationToken ct) => _channel.Writer.WriteAsync(payload, ct);

    public bool TryWrite(JsonElement payload) => _channel.Writer.TryWrite(payload);
}

using CodeCube.Adapters.Discord;
using CodeCube.Adapters.Discord.Gateway;

namespace CodeCube.Adapters.Tests.Discord;

/// <summary>The gateway over the transport seam alone: no sockets, the script plays Discord.</summary>
public sealed class ScriptedTransportTests
{
    [Fact]
    public async Task Hello_is_answered_with_identify_and_a_dispatch_after_ready_becomes_an_event()
    {
        var transport = new ScriptedTransport();
        await using var provider = TestServices.Build(new Dictionary<string, string?>
        {
            ["Discord:Token"] = "scripted-token",
            ["Discord:GatewayUrlOverride"] = "wss://gateway.example.invalid",
        }, (services, configuration) => services
            .AddSingleton<TimeProvider>(new FakeTimeProvider())
            .AddSingleton<IGatewayTransportFactory>(new OneTransport(transport))
            .AddDiscordAdapter(configuration));
        var adapter = provider.GetRequiredService<IChatAdapter>();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await using var events = adapter.ReadEventsAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        var first = events.MoveNextAsync();

        transport.Push(DiscordFixtures.Json("gateway-op10-hello.json"));
        var identify = await transport.Sent.ReadAsync(cts.Token);
        transport.Push(Dispatch(1, "READY", new JsonObject
        {
            ["session_id"] = "s",
            ["resume_gateway_url"] = "wss://resume.example.invalid",
            ["user"] = new JsonObject { ["id"] = "7", ["bot"] = true },
        }));
        transport.Push(Dispatch(2, "MESSAGE_CREATE", DiscordFixtures.Message("99", "5", "!run x")));

        Assert.True(await first);
        Assert.Equal("wss://gateway.example.invalid/?v=10&encoding=json", transport.ConnectedTo?.ToString());
        Assert.Equal(2, (int)identify["op"]!);
        Assert.Equal("scripted-token", (string?)identify["d"]!["token"]);
        Assert.Equal(37377, (int)identify["d"]!["intents"]!);
        var created = Assert.IsType<MessageCreated>(events.Current);
        Assert.Equal(("99", "5", "!run x"), (created.Message.MessageId, created.Message.Where.ChannelId, created.Message.Text));
        await cts.CancelAsync();
    }

    private static JsonObject Dispatch(long seq, string type, JsonObject data)
    {
        var payload = DiscordFixtures.Json("gateway-payload-example.json");
        payload["s"] = seq;
        payload["t"] = type;
        payload["d"] = data;
        return payload;
    }

    private sealed class OneTransport(IGatewayTransport transport) : IGatewayTransportFactory
    {
        public IGatewayTransport Create() => transport;
    }

    private sealed class ScriptedTransport : IGatewayTransport
    {
        private readonly Channel<GatewayFrame> incoming = Channel.CreateUnbounded<GatewayFrame>();
        private readonly Channel<JsonObject> sent = Channel.CreateUnbounded<JsonObject>();

        public Uri? ConnectedTo { get; private set; }

        public ChannelReader<JsonObject> Sent => sent.Reader;

        public void Push(JsonObject payload) => incoming.Writer.TryWrite(GatewayFrame.Message(payload.ToJsonString()));

        public Task ConnectAsync(Uri uri, CancellationToken ct)
        {
            ConnectedTo = uri;
            return Task.CompletedTask;
        }

        public Task SendAsync(ReadOnlyMemory<byte> utf8Json, CancellationToken ct)
        {
            sent.Writer.TryWrite(JsonNode.Parse(utf8Json.Span)!.AsObject());
            return Task.CompletedTask;
        }

        public async Task<GatewayFrame> ReceiveAsync(CancellationToken ct) => await incoming.Reader.ReadAsync(ct);

        public Task CloseOutputAsync(int code, string reason, CancellationToken ct) => Task.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

using CodeCube.Adapters.Discord;
using CodeCube.Adapters.Discord.Gateway;

namespace CodeCube.Adapters.Tests.Discord;

/// <summary>The real adapter, wired by AddDiscordAdapter, against a local protocol server and a fake clock.</summary>
internal sealed class DiscordTestHarness : IAsyncDisposable
{
    private readonly ServiceProvider services;
    private readonly CancellationTokenSource stop = new();
    private readonly Channel<ChatEvent> events = Channel.CreateUnbounded<ChatEvent>();
    private readonly Task reader;

    private DiscordTestHarness(DiscordProtocolServer server, ServiceProvider services, FakeTimeProvider time, LogSink logs)
    {
        Server = server;
        this.services = services;
        Time = time;
        Logs = logs;
        Adapter = (DiscordAdapter)services.GetServices<IChatAdapter>().Single();
        reader = ReadAsync();
    }

    public DiscordProtocolServer Server { get; }

    public FakeDiscordGateway Gateway => Server.Gateway;

    public DiscordAdapter Adapter { get; }

    public FakeTimeProvider Time { get; }

    public LogSink Logs { get; }

    /// <summary>Completes when the adapter's event stream ends (fatal close) or faults.</summary>
    public Task Reader => reader;

    public static async Task<DiscordTestHarness> StartAsync(
        Action<FakeDiscordGateway>? configure = null, double jitter = 0.5, bool connect = true,
        string token = DiscordProtocolServer.Token, bool overrideGatewayUrl = false,
        Action<DiscordProtocolServer>? configureServer = null)
    {
        var server = await DiscordProtocolServer.StartAsync();
        configure?.Invoke(server.Gateway);
        configureServer?.Invoke(server);
        var time = new FakeTimeProvider();
        var logs = new LogSink();
        var provider = TestServices.Build(new Dictionary<string, string?>
        {
            ["Discord:Token"] = token,
            ["Discord:ApiBaseUrl"] = server.ApiBaseUrl,
            ["Discord:GatewayUrlOverride"] = overrideGatewayUrl ? server.WsRoot + "/gateway" : null,
        }, (services, configuration) => services
            .AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug))
            .AddSingleton<TimeProvider>(time)
            .AddSingleton<IGatewayJitter>(new FixedJitter(jitter))
            .AddDiscordAdapter(configuration));
        var harness = new DiscordTestHarness(server, provider, time, logs);
        if (connect)
        {
            await harness.Gateway.WaitForAsync(p => p.Op == 2);
        }

        return harness;
    }

    public async Task<T> NextEventAsync<T>()
        where T : ChatEvent
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        return Assert.IsType<T>(await events.Reader.ReadAsync(timeout.Token));
    }

    /// <summary>Dispatches a human's message and waits until the adapter reported it (so its sequence is known).</summary>
    public async Task<MessageCreated> DeliverAsync(string id, string content = "!run hi")
    {
        await Gateway.DispatchAsync("MESSAGE_CREATE", DiscordFixtures.Message(id, "290926798999357250", content));
        var created = await NextEventAsync<MessageCreated>();
        Assert.Equal(id, created.Message.MessageId);
        return created;
    }

    /// <summary>The adapter logs just after it starts a timed wait: after this, advancing the clock is safe.</summary>
    public Task WaitForLogAsync(string fragment) =>
        Eventually.TrueAsync(() => Logs.Entries.Any(e => e.Message.Contains(fragment, StringComparison.Ordinal)), $"a log entry with '{fragment}'");

    /// <summary>
    /// Waits for the first reconnect after a session came up, then lets its delay pass: with the harness's jitter
    /// of 0.5 that is exactly the policy's floor of one second.
    /// </summary>
    public async Task PassFirstReconnectDelayAsync()
    {
        await WaitForLogAsync("reconnecting in 00:00:01");
        Time.Advance(TimeSpan.FromSeconds(1));
    }

    public bool HasPendingEvent => events.Reader.TryPeek(out _);

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await reader.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
            // The stream ends by cancellation.
        }

        await services.DisposeAsync();
        await Server.DisposeAsync();
        stop.Dispose();
    }

    private async Task ReadAsync()
    {
        await Task.Yield();
        await foreach (var chatEvent in Adapter.ReadEventsAsync(stop.Token))
        {
            await events.Writer.WriteAsync(chatEvent);
        }
    }
}

internal sealed class FixedJitter(double value) : IGatewayJitter
{
    public double Next() => value;
}

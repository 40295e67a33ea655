using CodeCube.Adapters.Slack;

namespace CodeCube.Adapters.Tests.Slack;

/// <summary>
/// The adapter as the host builds it (AddSlackAdapter over configuration), pointed at a <see cref="SlackTestServer"/>,
/// with its events pumped into a channel the test reads.
/// </summary>
internal sealed class SlackHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<ChatEvent> _events = Channel.CreateUnbounded<ChatEvent>();

    private SlackHarness(SlackTestServer server, ServiceProvider services, CountingTimeProvider time)
    {
        Server = server;
        _services = services;
        Time = time;
        Adapter = services.GetRequiredService<IChatAdapter>();
    }

    public SlackTestServer Server { get; }

    public CountingTimeProvider Time { get; }

    public IChatAdapter Adapter { get; }

    public Task Pump { get; private set; } = Task.CompletedTask;

    public SlackEventsReceiver Receiver => _services.GetRequiredService<SlackEventsReceiver>();

    public static async Task<SlackHarness> StartAsync(string mode = "SocketMode", string? signingSecret = null,
        string appToken = SlackTestServer.AppToken, bool pump = true)
    {
        var time = new CountingTimeProvider();
        time.SetUtcNow(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
        var server = await SlackTestServer.StartAsync(time);
        var services = TestServices.Build(new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = SlackTestServer.BotToken,
            ["Slack:AppToken"] = appToken,
            ["Slack:SigningSecret"] = signingSecret,
            ["Slack:ApiBaseUrl"] = server.ApiBaseUrl.AbsoluteUri,
            ["Slack:Mode"] = mode,
        }, (services, configuration) => services.AddSingleton<TimeProvider>(time).AddSlackAdapter(configuration));
        var harness = new SlackHarness(server, services, time);
        if (pump)
        {
            harness.Pump = harness.PumpAsync();
        }

        return harness;
    }

    /// <summary>The next event the adapter yielded.</summary>
    public async Task<ChatEvent> NextEventAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        return await _events.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>Checks that no further event arrives for a moment (for "handled once" checks).</summary>
    public Task AssertNoMoreEventsAsync() =>
        Eventually.NeverAsync(() => _events.Reader.TryPeek(out _), "the adapter yielded another event");

    /// <summary>Accepts the next socket and says hello on it, as Slack does.</summary>
    public async Task<SlackTestSocket> ConnectSocketAsync()
    {
        var socket = await Server.AcceptSocketAsync();
        await socket.SendAsync(SlackFixtures.Text("socketmode-sdk-hello.json"));
        return socket;
    }

    private async Task PumpAsync()
    {
        await Task.Yield();
        try
        {
            await foreach (var chatEvent in Adapter.ReadEventsAsync(_stop.Token))
            {
                await _events.Writer.WriteAsync(chatEvent);
            }
        }
        finally
        {
            _events.Writer.TryComplete();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await Pump;
        }
        catch (OperationCanceledException)
        {
            // Stopping is how the pump ends.
        }
        catch (InvalidOperationException)
        {
            // Tests of fatal errors observe this themselves.
        }

        await _services.DisposeAsync();
        await Server.DisposeAsync();
        _stop.Dispose();
    }
}

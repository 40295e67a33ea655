using CodeCube.Adapters.Irc;
using Microsoft.Extensions.Options;

namespace CodeCube.Adapters.Tests.Irc;

/// <summary>The real adapter over the real TCP transport, with its event stream pumped into a queue.</summary>
public sealed class IrcBot : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<ChatEvent> _events = Channel.CreateUnbounded<ChatEvent>();
    private readonly Task _pump;
    private readonly CountingConnector _connector;

    private IrcBot(IrcOptions options)
    {
        Options = options;
        var wrapped = Microsoft.Extensions.Options.Options.Create(options);
        _connector = new CountingConnector(new TcpIrcConnector(wrapped, NullLogger<TcpIrcConnector>.Instance));
        var client = new IrcClient(wrapped, _connector, TimeProvider.System, NullLogger<IrcClient>.Instance);
        Adapter = new IrcChatAdapter(client, wrapped, TimeProvider.System, NullLogger<IrcChatAdapter>.Instance);
        _pump = PumpAsync();
    }

    public IrcOptions Options { get; }

    /// <summary>Connection attempts so far, failed ones included.</summary>
    public int ConnectAttempts => _connector.Attempts;

    public IrcChatAdapter Adapter { get; }

    public static IrcBot Start(int port, string nick, string channel, Action<IrcOptions>? configure = null)
    {
        var options = new IrcOptions
        {
            Server = "127.0.0.1",
            Port = port,
            UseTls = false,
            Nick = nick,
            Channels = [new IrcChannelOptions { Name = channel }],
            FloodInterval = TimeSpan.FromMilliseconds(200),
            ReconnectMinDelay = TimeSpan.FromMilliseconds(200),
            ReconnectMaxDelay = TimeSpan.FromSeconds(2),
        };
        configure?.Invoke(options);
        return new IrcBot(options);
    }

    /// <summary>Starts the bot and returns once it has joined <paramref name="channel"/>.</summary>
    public static async Task<IrcBot> JoinAsync(int port, string nick, string channel, Action<IrcOptions>? configure = null)
    {
        var bot = Start(port, nick, channel, configure);
        try
        {
            await bot.WaitUntilJoinedAsync(channel);
            return bot;
        }
        catch
        {
            await bot.DisposeAsync();
            throw;
        }
    }

    private Task WaitUntilJoinedAsync(string channel) =>
        Adapter.Client.WaitUntilJoinedAsync(channel, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));

    public async Task<MessageCreated> NextMessageAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            if (await _events.Reader.ReadAsync(timeout.Token) is MessageCreated created)
            {
                return created;
            }
        }
    }

    public Task<SentMessage> SendAsync(string target, string text, bool direct = false) =>
        Adapter.SendAsync(new OutgoingReply(new Conversation("irc", target, IsDirect: direct), text), CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(60));

    private async Task PumpAsync()
    {
        await foreach (var chatEvent in Adapter.ReadEventsAsync(_stop.Token))
        {
            await _events.Writer.WriteAsync(chatEvent);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _pump.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }
}

/// <summary>Counts connection attempts, so a test can wait for the reconnect loop instead of sleeping.</summary>
internal sealed class CountingConnector(IIrcConnector inner) : IIrcConnector
{
    private int _attempts;

    public int Attempts => Volatile.Read(ref _attempts);

    public Task<IIrcConnection> ConnectAsync(CancellationToken ct)
    {
        Interlocked.Increment(ref _attempts);
        return inner.ConnectAsync(ct);
    }
}

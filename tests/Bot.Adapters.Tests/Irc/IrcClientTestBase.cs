using CodeCube.Adapters.Irc;
using Microsoft.Extensions.Options;

namespace CodeCube.Adapters.Tests.Irc;

/// <summary>An <see cref="IrcClient"/> on fake time against a scripted server.</summary>
public abstract class IrcClientTestBase : IAsyncDisposable
{
    protected readonly CountingTimeProvider _time = new();
    protected readonly ScriptedConnector _connector = new();
    protected readonly CancellationTokenSource _stop = new();
    protected readonly List<IrcMessage> _messages = [];
    protected Task? _run;
    protected IrcClient? _client;

    protected IrcOptions Options { get; } = new()
    {
        Server = "irc.test",
        Nick = "bot",
        AltNicks = ["bot2"],
        Channels = [new IrcChannelOptions { Name = "#a" }, new IrcChannelOptions { Name = "#b", Key = "sekrit" }],
        PingInterval = TimeSpan.FromSeconds(60),
        PingTimeout = TimeSpan.FromSeconds(20),
    };

    protected IrcClient Start()
    {
        var client = new IrcClient(Microsoft.Extensions.Options.Options.Create(Options), _connector, _time, NullLogger<IrcClient>.Instance);
        _client = client;
        _run = client.RunAsync(m => { lock (_messages) { _messages.Add(m); } }, _stop.Token);
        return client;
    }

    /// <summary>Starts the client and returns it with the server end of its first connection.</summary>
    protected async Task<(IrcClient Client, ScriptedConnection Server)> StartConnectedAsync()
    {
        var client = Start();
        return (client, await _connector.NextConnectionAsync());
    }

    protected async Task RegisterAsync(ScriptedConnection server)
    {
        await server.ExpectAsync("USER");
        server.Send(":irc.test CAP * LS :multi-prefix");
        server.Send(":irc.test 001 bot :Welcome to the Internet Relay Network bot!~bot@127.0.0.1");
        server.Send(":irc.test 422 bot :MOTD File is missing");
        await server.ExpectAsync("JOIN #b");
        server.Send(":bot!~bot@127.0.0.1 JOIN #a");
        server.Send(":bot!~bot@127.0.0.1 JOIN #b");
        await Eventually.TrueAsync(() => _client!.IsJoined("#b"), "the client to join #b");
    }

    /// <summary>The sasl ACK and the PLAIN exchange of the IRCv3 example (jilles / sesame), up to 903.</summary>
    protected static async Task PassSaslPlainAsync(ScriptedConnection server)
    {
        server.Send(":irc.test CAP * ACK :sasl");
        Assert.Equal("AUTHENTICATE PLAIN", await server.NextAsync());
        server.Send("AUTHENTICATE +");
        Assert.Equal("AUTHENTICATE amlsbGVzAGppbGxlcwBzZXNhbWU=", await server.NextAsync());
        server.Send(":irc.test 903 * :SASL authentication successful");
    }

    /// <summary>Advances fake time a second at a time (at most 400 s) until the condition holds.</summary>
    protected Task AdvanceUntil(Func<bool> condition, string what) =>
        _time.AdvanceUntilAsync(condition, what, atMost: TimeSpan.FromSeconds(400));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_run is not null)
        {
            await _run.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        _stop.Dispose();
        GC.SuppressFinalize(this);
    }
}

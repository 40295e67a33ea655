using System.Threading.Channels;
using CodeCube.Adapters.Connections;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CodeCube.Adapters.Irc;

/// <summary>
/// The IRC client state machine: connects, negotiates CAP/SASL, registers, joins, answers PINGs, detects a dead
/// link and reconnects under the shared <see cref="ReconnectPolicy"/>. Outbound chat lines queue across reconnects.
/// </summary>
public sealed partial class IrcClient
{
    private readonly IrcOptions _options;
    private readonly IIrcConnector _connector;
    private readonly TimeProvider _time;
    private readonly ILogger<IrcClient> _logger;
    private readonly FloodLimiter _limiter;
    private readonly CtcpBudget _ctcp;
    private readonly ReconnectPolicy _reconnect;
    private IrcSession? _session;
    private TaskCompletionSource _changed = NewSignal();
    private int _running;

    public IrcClient(IOptions<IrcOptions> options, IIrcConnector connector, TimeProvider time, ILogger<IrcClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _connector = connector;
        _time = time;
        _logger = logger;
        _limiter = new FloodLimiter(_options.FloodBurst, _options.FloodInterval, time);
        _ctcp = new CtcpBudget(time);
        _reconnect = new ReconnectPolicy(time, floor: _options.ReconnectMinDelay, cap: _options.ReconnectMaxDelay);
    }

    /// <summary>Our nick on the current connection (the configured nick before the first one).</summary>
    public string CurrentNick => _session?.Nick ?? _options.Nick;

    /// <summary>Registered (001 seen) on a live connection.</summary>
    public bool IsRegistered => _session is { Registered: true };

    public bool IsJoined(string channel) => _session is { Registered: true } s && s.Joined.ContainsKey(channel);

    /// <summary>Completes once we are in <paramref name="channel"/> on a live connection (again, after a reconnect).</summary>
    public Task WaitUntilJoinedAsync(string channel, CancellationToken ct) => WaitForAsync(() => IsJoined(channel), ct);

    /// <summary>Connects and reconnects until <paramref name="ct"/> is cancelled; PRIVMSGs go to <paramref name="onMessage"/>.</summary>
    public async Task RunAsync(Action<IrcMessage> onMessage, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(onMessage);
        if (Interlocked.Exchange(ref _running, 1) == 1)
        {
            throw new InvalidOperationException("The IRC client is already running.");
        }
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var sender = RunSenderAsync(stop.Token);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await RunOneConnectionAsync(onMessage, ct).ConfigureAwait(false);
                var delay = _reconnect.NextDelay();
                _logger.Reconnecting(delay);
                await Task.Delay(delay, _time, ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await sender.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            Volatile.Write(ref _running, 0);
        }
    }

    private async Task RunOneConnectionAsync(Action<IrcMessage> onMessage, CancellationToken ct)
    {
        IrcSession? session = null;
        try
        {
            _logger.Connecting(_options.Server, _options.EffectivePort, _options.UseTls);
            using (var connectTimeout = new CancellationTokenSource(_options.PingTimeout, _time))
            using (var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, connectTimeout.Token))
            {
                session = new IrcSession(await _connector.ConnectAsync(linked.Token).ConfigureAwait(false), _options.Nick);
            }
            Volatile.Write(ref _session, session);
            NotifyChanged();
            await RunSessionAsync(session, onMessage, ct).ConfigureAwait(false);
        }
        catch (IrcAuthenticationException)
        {
            throw;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && ex is not OutOfMemoryException)
        {
            _logger.ConnectionFailed(ex.Message);
        }
        finally
        {
            if (session is not null)
            {
                Interlocked.CompareExchange(ref _session, null, session);
                await session.DisposeAsync().ConfigureAwait(false);
                NotifyChanged();
            }
        }
    }

    private async Task RunSessionAsync(IrcSession session, Action<IrcMessage> onMessage, CancellationToken ct)
    {
        using var sessionEnd = CancellationTokenSource.CreateLinkedTokenSource(ct);
        // A dedicated reader, so a timed-out wait never cancels a half-read socket or TLS record.
        var lines = Channel.CreateBounded<string>(new BoundedChannelOptions(1024) { SingleReader = true, SingleWriter = true });
        var reader = PumpLinesAsync(session.Connection, lines.Writer, sessionEnd.Token);
        try
        {
            await StartRegistrationAsync(session, ct).ConfigureAwait(false);
            var awaitingPong = false;
            while (true)
            {
                var silence = awaitingPong
                    ? _options.PingTimeout
                    : _options.PingInterval;
                string line;
                using (var quiet = new CancellationTokenSource(silence, _time))
                using (var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, quiet.Token))
                {
                    try
                    {
                        if (!await lines.Reader.WaitToReadAsync(linked.Token).ConfigureAwait(false))
                        {
                            _logger.ServerClosed();
                            return;
                        }
                        line = await lines.Reader.ReadAsync(linked.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (quiet.IsCancellationRequested && !ct.IsCancellationRequested)
                    {
                        if (awaitingPong)
                        {
                            _logger.DeadLink((int)_options.PingTimeout.TotalSeconds);
                            return;
                        }
                        awaitingPong = true;
                        await session.SendAsync(IrcMessage.Create("PING", "codecube"), ct).ConfigureAwait(false);
                        continue;
                    }
                }
                awaitingPong = false;
                if (IrcMessage.Parse(line) is { } message)
                {
                    await HandleAsync(session, message, onMessage, ct).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            await sessionEnd.CancelAsync().ConfigureAwait(false);
            await session.Connection.DisposeAsync().ConfigureAwait(false);
            await reader.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private static async Task PumpLinesAsync(IIrcConnection connection, ChannelWriter<string> writer, CancellationToken ct)
    {
        try
        {
            while (await connection.ReadLineAsync(ct).ConfigureAwait(false) is { } line)
            {
                await writer.WriteAsync(line, ct).ConfigureAwait(false);
            }
        }
        finally
        {
            writer.TryComplete();
        }
    }

    private void NotifyChanged() => Interlocked.Exchange(ref _changed, NewSignal()).TrySetResult();

    private async Task WaitForAsync(Func<bool> condition, CancellationToken ct)
    {
        while (true)
        {
            var signal = Volatile.Read(ref _changed).Task;
            if (condition())
            {
                return;
            }
            await signal.WaitAsync(ct).ConfigureAwait(false);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>SASL failed (904/905, no SASL on the server): retrying with the same credentials cannot help.</summary>
public sealed class IrcAuthenticationException(string message) : Exception(message);

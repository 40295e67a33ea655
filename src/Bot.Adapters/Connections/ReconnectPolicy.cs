namespace CodeCube.Adapters.Connections;

/// <summary>
/// How long every chat connection waits before it connects again: IRC, the Discord gateway and Slack Socket Mode.
/// The n-th reconnect in a row waits floor × 2^(n-1), capped, times a jitter factor in [0.5, 1.5), and never less
/// than the floor nor more than the cap: a server that drops us at once is never hammered, and bots that lost the
/// same server do not all come back in the same second. A session that stayed up for <see cref="HealthySession"/>
/// after it was established starts the count again: measured from the connect, a server that accepts, stalls half a
/// minute and drops us would count as healthy every time, and the wait would never grow. One instance per connection
/// loop.
/// </summary>
internal sealed class ReconnectPolicy
{
    public static readonly TimeSpan DefaultFloor = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan DefaultCap = TimeSpan.FromSeconds(60);

    /// <summary>A link that came up and stayed up this long was healthy: what follows is a first failure again.</summary>
    public static readonly TimeSpan HealthySession = TimeSpan.FromSeconds(30);

    private readonly TimeProvider _time;
    private readonly Func<double> _random;
    private long? _establishedAt;
    private int _attempts;

    /// <param name="random">A uniform sample in [0, 1) per delay; tests pass a fixed one.</param>
    public ReconnectPolicy(TimeProvider time, Func<double>? random = null, TimeSpan? floor = null, TimeSpan? cap = null)
    {
        _time = time;
        _random = random ?? Random.Shared.NextDouble;
        Floor = floor ?? DefaultFloor;
        Cap = cap ?? DefaultCap;
        if (Floor <= TimeSpan.Zero || Cap < Floor)
        {
            throw new ArgumentOutOfRangeException(nameof(floor), "The floor must be positive and not above the cap.");
        }
    }

    public TimeSpan Floor { get; }

    public TimeSpan Cap { get; }

    /// <summary>Reconnects in a row since the last healthy session.</summary>
    public int Attempts => _attempts;

    /// <summary>
    /// Call when the session got going (IRC 001, the gateway's READY or RESUMED, Slack's hello): its health is
    /// measured from here. Until the next <see cref="NextDelay"/> further calls change nothing, so a Slack refresh,
    /// which hands over a live link, counts from the first hello of the chain.
    /// </summary>
    public void Established() => _establishedAt ??= _time.GetTimestamp();

    /// <summary>Call when the attempt failed or the session ended: the wait before the next attempt.</summary>
    public TimeSpan NextDelay()
    {
        var healthy = _establishedAt is { } at && _time.GetElapsedTime(at) >= HealthySession;
        _establishedAt = null;
        _attempts = healthy ? 1 : _attempts + 1;
        return Delay(_attempts, _random());
    }

    /// <summary>The wait before reconnect number <paramref name="attempt"/> (1 = the first) for a jitter sample.</summary>
    public TimeSpan Delay(int attempt, double random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        // Past 2^30 the step is far over any cap; stopping there keeps the arithmetic finite.
        var step = Math.Min(Cap.Ticks, Floor.Ticks * Math.Pow(2, Math.Min(attempt - 1, 30)));
        var jittered = step * (0.5 + Math.Clamp(random, 0, 1));
        return TimeSpan.FromTicks((long)Math.Clamp(jittered, Floor.Ticks, Cap.Ticks));
    }
}

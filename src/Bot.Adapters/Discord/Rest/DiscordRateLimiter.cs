using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;

namespace CodeCube.Adapters.Discord.Rest;

/// <summary>
/// Tracks Discord's per-route buckets (X-RateLimit-Bucket / -Remaining / -Reset-After) and the global limit, and
/// makes a request wait rather than earn a 429. Requests on one route and major parameter go one at a time, so the
/// headers of one response are known before the next request leaves.
/// </summary>
internal sealed class DiscordRateLimiter(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new();
    private readonly ConcurrentDictionary<string, string> _bucketOfRoute = new();
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new();
    private long _globalUntilTicks;

    // Every channel is a major parameter, so the maps grow with the channels the bot ever wrote to; buckets whose
    // reset has passed say nothing any more and are dropped once there are this many.
    internal const int PruneAbove = 1_000;

    internal int BucketCount => _buckets.Count;

    internal int GateCount => _gates.Count;

    public async Task<IDisposable> AcquireAsync(string route, string majorParameter, CancellationToken ct)
    {
        var gate = _gates.GetOrAdd(route + "|" + majorParameter, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var globalUntil = new DateTimeOffset(Interlocked.Read(ref _globalUntilTicks), TimeSpan.Zero);
            var wait = globalUntil - time.GetUtcNow();
            if (_bucketOfRoute.TryGetValue(route, out var hash)
                && _buckets.TryGetValue(hash + "|" + majorParameter, out var bucket)
                && bucket.Remaining <= 0)
            {
                var bucketWait = bucket.ResetAt - time.GetUtcNow();
                wait = bucketWait > wait ? bucketWait : wait;
            }

            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, ct).ConfigureAwait(false);
            }

            return new Lease(gate);
        }
        catch
        {
            gate.Release();
            throw;
        }
    }

    public void Update(string route, string majorParameter, HttpResponseHeaders headers)
    {
        if (!TryGet(headers, "X-RateLimit-Bucket", out var hash)
            || !TryGet(headers, "X-RateLimit-Remaining", out var remainingText)
            || !TryGet(headers, "X-RateLimit-Reset-After", out var resetAfterText)
            || !int.TryParse(remainingText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var remaining)
            || !double.TryParse(resetAfterText, NumberStyles.Float, CultureInfo.InvariantCulture, out var resetAfter))
        {
            return;
        }

        _bucketOfRoute[route] = hash;
        _buckets[hash + "|" + majorParameter] = new Bucket(remaining, time.GetUtcNow() + TimeSpan.FromSeconds(resetAfter));
        if (_buckets.Count > PruneAbove || _gates.Count > PruneAbove)
        {
            Prune();
        }
    }

    private void Prune()
    {
        var now = time.GetUtcNow();
        foreach (var (key, bucket) in _buckets)
        {
            if (bucket.ResetAt <= now)
            {
                _buckets.TryRemove(key, out _);
            }
        }

        // A gate nobody holds or waits on only orders future requests; one taken again after this creates its own.
        foreach (var (key, gate) in _gates)
        {
            if (gate.CurrentCount == 1)
            {
                _gates.TryRemove(key, out _);
            }
        }
    }

    /// <summary>A global 429: every route waits.</summary>
    public void BlockAll(TimeSpan duration)
    {
        var until = (time.GetUtcNow() + duration).UtcTicks;
        long current;
        do
        {
            current = Interlocked.Read(ref _globalUntilTicks);
        }
        while (until > current && Interlocked.CompareExchange(ref _globalUntilTicks, until, current) != current);
    }

    private static bool TryGet(HttpResponseHeaders headers, string name, out string value)
    {
        value = headers.TryGetValues(name, out var values) ? values.FirstOrDefault() ?? "" : "";
        return value.Length > 0;
    }

    private sealed record Bucket(int Remaining, DateTimeOffset ResetAt);

    private sealed class Lease(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}

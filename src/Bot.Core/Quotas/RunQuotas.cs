using CodeCube.Core.Options;
using Microsoft.Extensions.Options;

namespace CodeCube.Core.Quotas;

/// <summary>Which bucket refused a command.</summary>
public enum QuotaScope
{
    User,
    Channel,
}

/// <summary>
/// The answer of <see cref="RunQuotas.TryAcquire"/>. When refused, <see cref="ShouldNotify"/> is true only for the
/// first refusal in a row, so a flood is answered once instead of message for message.
/// </summary>
public readonly record struct QuotaDecision(bool Allowed, QuotaScope? RefusedBy, TimeSpan RetryAfter, bool ShouldNotify)
{
    public static QuotaDecision Allow { get; } = new(true, null, TimeSpan.Zero, false);
}

/// <summary>
/// Token buckets per user and per channel (both must have a token; none is taken unless both do), refilled
/// continuously from <see cref="TimeProvider"/>. Thread-safe.
/// </summary>
public sealed class RunQuotas(IOptions<QuotaOptions> options, TimeProvider time)
{
    // Full buckets carry no information; they are dropped once the table grows past this.
    private const int PruneAbove = 10_000;
    private readonly Dictionary<(string Platform, string Id, QuotaScope Scope), Bucket> _buckets = [];
    private readonly Lock _gate = new();

    public QuotaDecision TryAcquire(string platform, string userId, string channelId)
    {
        var o = options.Value;
        var now = time.GetTimestamp();
        lock (_gate)
        {
            var user = Get((platform, userId, QuotaScope.User), o.UserBurst, now);
            var channel = Get((platform, channelId, QuotaScope.Channel), o.ChannelBurst, now);
            user.Refill(now, o.UserBurst, o.UserPerMinute, time);
            channel.Refill(now, o.ChannelBurst, o.ChannelPerMinute, time);

            if (user.HasToken && channel.HasToken)
            {
                user.Take();
                channel.Take();
                user.Notified = channel.Notified = false;
                PruneIfLarge(now, o);
                return QuotaDecision.Allow;
            }

            var (refused, bucket, perMinute) = !user.HasToken
                ? (QuotaScope.User, user, o.UserPerMinute)
                : (QuotaScope.Channel, channel, o.ChannelPerMinute);
            var retryAfter = TimeSpan.FromMinutes(Math.Max(1 - bucket.Tokens, 0) / perMinute);
            var notify = !bucket.Notified;
            bucket.Notified = true;
            return new QuotaDecision(false, refused, retryAfter, notify);
        }
    }

    private Bucket Get((string, string, QuotaScope) key, int burst, long now)
    {
        if (!_buckets.TryGetValue(key, out var bucket))
        {
            bucket = new Bucket { Tokens = burst, Stamp = now };
            _buckets[key] = bucket;
        }

        return bucket;
    }

    private void PruneIfLarge(long now, QuotaOptions o)
    {
        if (_buckets.Count <= PruneAbove)
        {
            return;
        }

        foreach (var (key, bucket) in _buckets)
        {
            var (burst, perMinute) = key.Scope == QuotaScope.User
                ? (o.UserBurst, o.UserPerMinute)
                : (o.ChannelBurst, o.ChannelPerMinute);
            bucket.Refill(now, burst, perMinute, time);
            if (bucket.Tokens >= burst)
            {
                _buckets.Remove(key);
            }
        }
    }

    private sealed class Bucket
    {
        // Refills add up fractions (0.9 + 0.1 may be 0.999...): a hair below a whole token counts as one.
        private const double Epsilon = 1e-9;

        public double Tokens { get; set; }

        public long Stamp { get; set; }

        public bool Notified { get; set; }

        public bool HasToken => Tokens + Epsilon >= 1;

        public void Take() => Tokens = Math.Max(Tokens - 1, 0);

        public void Refill(long now, int burst, double perMinute, TimeProvider time)
        {
            var elapsed = time.GetElapsedTime(Stamp, now);
            Tokens = Math.Min(burst, Tokens + (elapsed.TotalMinutes * perMinute));
            Stamp = now;
        }
    }
}

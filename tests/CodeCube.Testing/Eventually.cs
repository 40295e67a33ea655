namespace CodeCube.Testing;

/// <summary>
/// The one way tests wait for what another thread, process or server does: poll a condition until it holds, and
/// fail naming what was awaited once an overall deadline passes. The deadline only turns a hang into a failure;
/// it is generous (two cores shared with other runs) and is never what a test asserts.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(10);

    private static readonly TimeSpan Moment = TimeSpan.FromMilliseconds(300);

    private static readonly object Holds = new();

    /// <summary>Waits until <paramref name="condition"/> holds.</summary>
    public static Task TrueAsync(Func<bool> condition, string what, TimeSpan? within = null) =>
        ValueAsync(() => condition() ? Holds : null, what, within);

    /// <summary>Waits until <paramref name="condition"/> (a query of a server, say) holds.</summary>
    public static Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? within = null) =>
        ValueAsync(async () => await condition() ? Holds : null, what, within);

    /// <summary>Waits until <paramref name="probe"/> finds something, and returns it.</summary>
    public static Task<T> ValueAsync<T>(Func<T?> probe, string what, TimeSpan? within = null)
        where T : class =>
        ValueAsync(() => Task.FromResult(probe()), what, within);

    /// <summary>Waits until <paramref name="probe"/> finds something, and returns it.</summary>
    public static async Task<T> ValueAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? within = null)
        where T : class
    {
        var deadline = within ?? DefaultDeadline;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (clock.Elapsed > deadline)
            {
                throw new TimeoutException($"Waited {deadline.TotalSeconds:0.#} s for {what}.");
            }

            await Task.Delay(Interval);
        }
    }

    /// <summary>
    /// Checks, for the whole of <paramref name="during"/> (default: a moment, 300 ms), that <paramref name="condition"/>
    /// never holds: for what must not happen, such as an action before its fake-time deadline or a second delivery.
    /// <paramref name="what"/> says what happened when it fails.
    /// </summary>
    public static async Task NeverAsync(Func<bool> condition, string what, TimeSpan? during = null)
    {
        var window = during ?? Moment;
        var clock = Stopwatch.StartNew();
        do
        {
            Assert.False(condition(), what);
            await Task.Delay(Interval);
        }
        while (clock.Elapsed < window);

        Assert.False(condition(), what);
    }
}

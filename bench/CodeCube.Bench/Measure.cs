using System.Diagnostics;

namespace CodeCube.Bench;

internal sealed record Stats(string Scenario, string Language, int Concurrency, int Runs, int Failures,
    double P50Ms, double P95Ms, double RunsPerSecond, long? PeakRssMb)
{
    public string Row() =>
        $"| {Scenario} | {Language} | {(Concurrency == 0 ? "open loop" : Concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture))} | {Runs} | {Failures} | {P50Ms:F0} | {P95Ms:F0} | {RunsPerSecond:F1} | {(PeakRssMb is { } m ? m.ToString(System.Globalization.CultureInfo.InvariantCulture) : "–")} |";
}

internal static class Measure
{
    /// <summary>Runs <paramref name="op"/> <paramref name="runs"/> times, <paramref name="concurrency"/> at once.</summary>
    /// <param name="pause">Think time of each worker between its runs (not timed).</param>
    public static Task<(List<double> Latencies, int Failures, double Seconds)> RunAsync(
        Func<int, Task<bool>> op, int concurrency, int runs, TimeSpan pause = default) =>
        RunAsync(async i => i < runs ? await op(i) : (bool?)null, concurrency, pause);

    /// <summary>Runs <paramref name="op"/> on <paramref name="concurrency"/> workers until it answers null.</summary>
    private static async Task<(List<double> Latencies, int Failures, double Seconds)> RunAsync(
        Func<int, Task<bool?>> op, int concurrency, TimeSpan pause = default)
    {
        var latencies = new List<double>();
        var failures = 0;
        var next = -1;
        var total = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (true)
            {
                var i = Interlocked.Increment(ref next);
                if (pause > TimeSpan.Zero && i >= concurrency)
                {
                    await Task.Delay(pause);
                }

                var watch = Stopwatch.StartNew();
                bool ok;
                try
                {
                    if (await op(i) is not { } answer)
                    {
                        return;
                    }

                    ok = answer;
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    Console.Error.WriteLine($"  run {i} failed: {e.Message}");
                    ok = false;
                }

                lock (latencies)
                {
                    latencies.Add(watch.Elapsed.TotalMilliseconds);
                    if (!ok)
                    {
                        failures++;
                    }
                }
            }
        }).ToArray();
        await Task.WhenAll(workers);
        return (latencies, failures, total.Elapsed.TotalSeconds);
    }

    /// <summary>Like <see cref="RunAsync"/>, but for a duration instead of a count.</summary>
    public static async Task<(List<double> Latencies, int Failures, double Seconds)> RunForAsync(
        Func<int, Task<bool>> op, int concurrency, TimeSpan duration)
    {
        var until = Stopwatch.StartNew();
        return await RunAsync(async i => until.Elapsed < duration ? await op(i) : null, concurrency);
    }

    /// <summary>
    /// Open loop: starts <paramref name="op"/> at random (Poisson) moments, <paramref name="perSecond"/> on average,
    /// whether earlier ones have finished or not, as chat users do; at most 64 at once.
    /// </summary>
    public static async Task<(List<double> Latencies, int Failures, double Seconds)> ArrivalsAsync(
        Func<int, Task<bool>> op, double perSecond, TimeSpan duration, Random random)
    {
        var running = new List<Task<(double Ms, bool Ok)>>();
        using var slots = new SemaphoreSlim(64);
        var total = Stopwatch.StartNew();
        for (var i = 0; total.Elapsed < duration; i++)
        {
            await slots.WaitAsync();
            var n = i;
            running.Add(Task.Run(async () =>
            {
                var watch = Stopwatch.StartNew();
                try
                {
                    var ok = await op(n);
                    return (watch.Elapsed.TotalMilliseconds, ok);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    Console.Error.WriteLine($"  run {n} failed: {e.Message}");
                    return (watch.Elapsed.TotalMilliseconds, false);
                }
                finally
                {
                    slots.Release();
                }
            }));
            await Task.Delay(TimeSpan.FromSeconds(-Math.Log(1 - random.NextDouble()) / perSecond));
        }

        var done = await Task.WhenAll(running);
        return ([.. done.Select(d => d.Ms)], done.Count(d => !d.Ok), total.Elapsed.TotalSeconds);
    }

    public static Stats Summarize(string scenario, string language, int concurrency,
        (List<double> Latencies, int Failures, double Seconds) m, long? peakRssMb = null)
    {
        var sorted = m.Latencies.Order().ToArray();
        return new Stats(scenario, language, concurrency, sorted.Length, m.Failures,
            Percentile(sorted, 0.50), Percentile(sorted, 0.95), sorted.Length / m.Seconds, peakRssMb);
    }

    public static double Median(IEnumerable<double> values) => Percentile([.. values.Order()], 0.5);

    private static double Percentile(double[] sorted, double p)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = p * (sorted.Length - 1);
        var lo = (int)Math.Floor(rank);
        var hi = (int)Math.Ceiling(rank);
        return sorted[lo] + ((sorted[hi] - sorted[lo]) * (rank - lo));
    }

    /// <summary>Peak resident set (VmHWM) of a process, in MiB.</summary>
    public static long? PeakRssMb(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Current resident set (VmRSS) of a process, in MiB.</summary>
    public static long? RssMb(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024;
        }
        catch (IOException)
        {
            return null;
        }
    }
}

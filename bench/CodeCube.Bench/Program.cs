using System.Globalization;
using System.Text;
using CodeCube.Bench;

// Usage: dotnet run --project bench/CodeCube.Bench -- --host artifacts/host/CodeCube.Host.dll --redis 127.0.0.1:N
//        [--quick] [--out docs/benchmarks.md] [--languages python,lua,...] [--queue-overhead]
// --languages measures only those languages' per-language rows (no docker run, mixed, sustained or flood rows) and
// writes artifacts/benchmarks-partial.md unless --out says otherwise.
// Every API figure is measured with the settings the host ships with; the only exception is the "cold" column,
// a host with the pool turned off (Sandbox__Pool__Size=0), which is what a language's first run after a quiet
// period costs.
var opts = Args.Parse(args);
if (args.Contains("--queue-overhead"))
{
    return await QueueOverhead.RunAsync(opts.Redis, opts.Quick, Path.GetFullPath("images"));
}

var languages = Manifest.Load(Path.GetFullPath("images"));
var programs = BenchProgram.Load([.. languages.Values]);
if (opts.Languages is { } only)
{
    var unknown = only.Where(id => !languages.ContainsKey(id)).ToList();
    if (unknown.Count > 0)
    {
        Console.Error.WriteLine($"--languages: not built or not in images/languages.json: {string.Join(", ", unknown)}");
        return 2;
    }

    programs = [.. programs.Where(p => only.Contains(p.Language))];
}

var (few, some, many, otherCold, otherWarm) = RunCounts.For(opts.Quick);
var results = new Results();
var work = Directory.CreateTempSubdirectory("codecube-bench-").FullName;
var nonces = new Nonces();
var instances = new List<string>();

// Between one user's runs: a person reads the answer before sending the next snippet. The closed loops below
// (python at concurrency 4, the sustained run) have none and show the engine's ceiling instead.
var thinkTime = TimeSpan.FromMilliseconds(250);
string Unique(BenchProgram p) => p.Unique(nonces.Next(p.Language));
Task<bool> Api(BenchHost host, BenchProgram p, List<double>? programMs = null) =>
    Runners.ApiAsync(host.NextUser(), p, Unique(p), programMs);

Stats Add(Stats s)
{
    results.Stats.Add(s);
    Console.WriteLine(s.Row());
    return s;
}

// Natives first, while no host is running.
foreach (var program in programs.Where(Runners.HasNative))
{
    Add(Measure.Summarize("native", program.Name, 1,
        await Measure.RunAsync(i => Runners.NativeAsync(program, work, i), 1, program.Language == "python" ? many : few)));
}

var python = programs.Find(p => p.Name == "python");
if (opts.Languages is null && python is not null)
{
    foreach (var c in new[] { 1, 4 })
    {
        Add(Measure.Summarize("docker run --rm", "python", c,
            await Measure.RunAsync(_ => Runners.DockerRunAsync(languages["python"], python, nonces.Next("python")), c, c == 1 ? some : 2 * some)));
    }
}

await using (var host = await BenchHost.StartAsync(opts.HostDll, opts.Redis, new Dictionary<string, string> { ["Sandbox__Pool__Size"] = "0" }))
{
    instances.Add(host.InstanceId);
    foreach (var program in programs)
    {
        Add(Measure.Summarize("API, cold", program.Name, 1,
            await Measure.RunAsync(_ => Api(host, program), 1, program.HasBaseline ? few : otherCold),
            Measure.PeakRssMb(host.Pid)));
    }
}

await using (var host = await BenchHost.StartAsync(opts.HostDll, opts.Redis))
{
    instances.Add(host.InstanceId);
    foreach (var program in programs)
    {
        // A language's first run is cold by design; the pool then keeps it warm for the runs that follow.
        await Api(host, program);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var before = host.Starts;
        var runs = program.Language == "python" ? many : program.HasBaseline ? some : otherWarm;
        var programMs = new List<double>();
        var m = await Measure.RunAsync(_ => Api(host, program, programMs), 1, runs, thinkTime);
        Add(Measure.Summarize("API", program.Name, 1, m, Measure.PeakRssMb(host.Pid)));
        results.ProgramP50[program.Name] = Measure.Median(programMs);
        results.WarmHits[program.Name] = HitRate(before, host.Starts);
    }

    if (opts.Languages is null && python is not null)
    {
        Add(Measure.Summarize("API", "python", 4,
            await Measure.RunAsync(_ => Api(host, python), 4, 2 * many), Measure.PeakRssMb(host.Pid)));
        var same = Unique(python);
        await Runners.ApiAsync(host.Http, python, same);
        Add(Measure.Summarize("API, cache hit", "python", 1,
            await Measure.RunAsync(_ => Runners.ApiAsync(host.Http, python, same), 1, 50), Measure.PeakRssMb(host.Pid)));
    }
}

// A fresh host meets a mixed workload: how soon and how well does the pool follow it? Arrivals are an open loop
// (as chat users send, whether earlier runs are done or not) at a rate the engine can serve on this machine; a
// closed loop at concurrency 4 would only measure the engine's ceiling, which the sustained run below does.
if (opts.Languages is null && python is not null)
{
    await using (var host = await BenchHost.StartAsync(opts.HostDll, opts.Redis))
    {
        instances.Add(host.InstanceId);
        var mix = Mixed.Programs(programs);
        var random = new Random(13);
        Task<bool> OneOfTheMix(int _) => Api(host, Mixed.Pick(mix, random));

        var warmUp = await Measure.ArrivalsAsync(OneOfTheMix, Mixed.PerSecond, TimeSpan.FromSeconds(opts.Quick ? 20 : 60), random);
        var afterWarmUp = host.Starts;
        Add(Measure.Summarize($"API, mixed at {Mixed.PerSecond} runs/s, first minute", "mix", 0, warmUp, Measure.PeakRssMb(host.Pid)));
        var measured = await Measure.ArrivalsAsync(OneOfTheMix, Mixed.PerSecond, TimeSpan.FromSeconds(opts.Quick ? 15 : 30), random);
        Add(Measure.Summarize($"API, mixed at {Mixed.PerSecond} runs/s, after one minute", "mix", 0, measured, Measure.PeakRssMb(host.Pid)));
        results.MixedHitRate = HitRate(afterWarmUp, host.Starts);
        results.MixedFirstMinuteHitRate = HitRate((0, 0), afterWarmUp);

        var cpuBefore = CpuSnapshot.Take(host.Pid);
        var sustained = await Measure.RunAsync(_ => Api(host, python), 4, opts.Quick ? 100 : 500);
        var cpuAfter = CpuSnapshot.Take(host.Pid);
        results.Sustained = Add(Measure.Summarize("API, sustained", "python", 4, sustained, Measure.PeakRssMb(host.Pid)));
        results.CpuPerRun = cpuAfter.Minus(cpuBefore).PerRun(sustained.Latencies.Count);

        // 20 parallel floods of 100 MB each; the sandbox must cut them at its cap while the host's memory stays flat.
        const string flood = "import sys\nchunk = 'x' * 1023 + '\\n'\nfor _ in range(100 * 1024):\n    sys.stdout.write(chunk)\n";
        var m = await Measure.RunAsync(async _ =>
        {
            using var r = await host.NextUser().PostAsync("/api/v1/run", new StringContent(
                System.Text.Json.JsonSerializer.Serialize(new { language = "python", code = flood + new string('\n', nonces.Next("python")) }),
                Encoding.UTF8, "application/json"));
            return r.IsSuccessStatusCode && (await r.Content.ReadAsStringAsync()).Contains("\"output_limit\"", StringComparison.Ordinal);
        }, 20, 20);
        Add(Measure.Summarize("API, 100 MB output flood", "python", 20, m, Measure.PeakRssMb(host.Pid)));
    }
}

// Only this benchmark's containers: the engine may be shared.
foreach (var id in instances)
{
    results.ContainersLeft += (await Runners.ExecAsync("docker", ["ps", "-aq", "--filter", $"label=codecube.instance={id}"], null, null)).Stdout
        .Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
}

Directory.Delete(work, recursive: true);
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(opts.Out))!);
var kept = File.Exists(opts.Out) ? BenchmarkReport.KeptPart(await File.ReadAllTextAsync(opts.Out)) : "";
await File.WriteAllTextAsync(opts.Out, BenchmarkReport.Markdown(results, programs, opts) + kept);
Console.WriteLine($"\nmixed warm hits after one minute: {results.MixedHitRate:P0}\ncontainers left: {results.ContainersLeft}\nwrote {opts.Out}");
return 0;

static double HitRate((long Warm, long Cold) before, (long Warm, long Cold) after)
{
    var (warm, cold) = (after.Warm - before.Warm, after.Cold - before.Cold);
    return warm + cold == 0 ? double.NaN : (double)warm / (warm + cold);
}

/// <param name="Languages">Only these ids' per-language rows (a partial report; null: everything).</param>
internal sealed record Args(string HostDll, string Redis, bool Quick, string Out, IReadOnlySet<string>? Languages)
{
    public static Args Parse(string[] args)
    {
        string Get(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }

        var languages = Get("--languages", "") is { Length: > 0 } list
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal)
            : null;
        // A partial run never replaces the full report unless asked to.
        return new Args(Get("--host", "artifacts/host/CodeCube.Host.dll"), Get("--redis", "127.0.0.1:6379"),
            args.Contains("--quick"), Get("--out", languages is null ? "docs/benchmarks.md" : "artifacts/benchmarks-partial.md"), languages);
    }
}

internal sealed class Results
{
    public List<Stats> Stats { get; } = [];

    public Dictionary<string, double> WarmHits { get; } = [];

    /// <summary>Per language, the p50 of the warm runs' own time in the container (the result's wallMs).</summary>
    public Dictionary<string, double> ProgramP50 { get; } = [];

    public double MixedHitRate { get; set; } = double.NaN;

    public double MixedFirstMinuteHitRate { get; set; } = double.NaN;

    public Stats? Sustained { get; set; }

    public CpuSnapshot? CpuPerRun { get; set; }

    public int ContainersLeft { get; set; }

    public double? P50(string scenario, string name, int concurrency = 1) =>
        Stats.FirstOrDefault(s => s.Scenario == scenario && s.Language == name && s.Concurrency == concurrency)?.P50Ms;
}

/// <summary>The issue's mix: python, javascript, c, go, java at 50/20/10/10/10.</summary>
internal static class Mixed
{
    /// <summary>Arrivals per second: a busy chat bot, well under what the engine can start on 2 cores.</summary>
    public const double PerSecond = 3;

    private static readonly (string Name, int Weight)[] Weights = [("python", 50), ("javascript", 20), ("c", 10), ("go", 10), ("java", 10)];

    public static List<BenchProgram> Programs(List<BenchProgram> all) =>
        [.. Weights.SelectMany(w => all.Where(p => p.Name == w.Name).SelectMany(p => Enumerable.Repeat(p, w.Weight)))];

    public static BenchProgram Pick(List<BenchProgram> mix, Random random)
    {
        lock (random)
        {
            return mix[random.Next(mix.Count)];
        }
    }
}

/// <summary>
/// How many runs each row gets. The original nine (with a native baseline) keep theirs; every other language gets a
/// few, so sixty languages add about a quarter of an hour to the full run, not an hour and a half.
/// </summary>
internal sealed record RunCounts(int Few, int Some, int Many, int OtherCold, int OtherWarm)
{
    public static RunCounts For(bool quick) => quick ? new(4, 8, 16, 2, 3) : new(8, 15, 30, 3, 5);
}

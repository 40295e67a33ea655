using System.Globalization;
using System.Text;
using CodeCube.Bench;

// Usage: dotnet run --project bench/CodeCube.Bench -- --host artifacts/host/CodeCube.Host.dll --redis 127.0.0.1:N
//        [--quick] [--pool N] [--out docs/benchmarks.md]
var opts = Args.Parse(args);
var imagesDir = Path.GetFullPath("images");
var languages = Manifest.Load(imagesDir);
var (c1, c4, c16) = opts.Quick ? (8, 16, 32) : (20, 40, 64);
var stats = new List<Stats>();
var work = Directory.CreateTempSubdirectory("codecube-bench-").FullName;
var nonce = 0;
string Nonce() => $"bench-{Interlocked.Increment(ref nonce)}-{Guid.NewGuid():N}";

void Report(Stats s)
{
    stats.Add(s);
    Console.WriteLine(s.Row());
}

Console.WriteLine("| scenario | language | concurrency | runs | failures | p50 ms | p95 ms | runs/s | host peak RSS MiB |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
foreach (var program in BenchProgram.All)
{
    if (!languages.TryGetValue(program.Language, out var lang))
    {
        Console.Error.WriteLine($"skip {program.Language}: image not built");
        continue;
    }

    Report(Measure.Summarize("native", program.Language, 1,
        await Measure.RunAsync(i => Runners.NativeAsync(program, work, i), 1, c1)));
    foreach (var (c, n) in new[] { (1, c1), (4, c4), (16, c16) })
    {
        Report(Measure.Summarize("docker run --rm", program.Language, c,
            await Measure.RunAsync(_ => Runners.DockerRunAsync(lang, program, Nonce()), c, n)));
    }
}

foreach (var pool in new[] { 0, opts.Pool })
{
    await using var host = await BenchHost.StartAsync(opts.HostDll, opts.Redis, pool);
    var scenario = pool == 0 ? "API, pool off" : $"API, pool {pool}";
    foreach (var program in BenchProgram.All.Where(p => languages.ContainsKey(p.Language)))
    {
        foreach (var (c, n) in new[] { (1, c1), (4, c4), (16, c16) })
        {
            var m = await Measure.RunAsync(_ => Runners.ApiAsync(host.Http, program.Language, program.Unique(Nonce())), c, n);
            Report(Measure.Summarize(scenario, program.Language, c, m, Measure.PeakRssMb(host.Pid)));
        }
    }

    if (pool > 0)
    {
        var same = BenchProgram.All[0].Unique(Nonce());
        await Runners.ApiAsync(host.Http, "python", same);
        Report(Measure.Summarize("API, cache hit", "python", 1,
            await Measure.RunAsync(_ => Runners.ApiAsync(host.Http, "python", same), 1, 50), Measure.PeakRssMb(host.Pid)));
        Report(Measure.Summarize($"API, pool {pool}, sustained", "python", 4,
            await Measure.RunAsync(_ => Runners.ApiAsync(host.Http, "python", BenchProgram.All[0].Unique(Nonce())), 4, opts.Quick ? 100 : 500),
            Measure.PeakRssMb(host.Pid)));
    }
}

// 20 parallel floods of 100 MB each; the sandbox must cut them at its cap while the host's memory stays flat.
long? floodRss;
await using (var host = await BenchHost.StartAsync(opts.HostDll, opts.Redis, 0))
{
    const string flood = "import sys\nchunk = 'x' * 1023 + '\\n'\nfor _ in range(100 * 1024):\n    sys.stdout.write(chunk)\n";
    var m = await Measure.RunAsync(async _ =>
    {
        using var r = await host.Http.PostAsync("/api/v1/run", new StringContent(
            System.Text.Json.JsonSerializer.Serialize(new { language = "python", code = flood + "# " + Nonce() }),
            Encoding.UTF8, "application/json"));
        return r.IsSuccessStatusCode && (await r.Content.ReadAsStringAsync()).Contains("\"output_limit\"", StringComparison.Ordinal);
    }, 20, 20);
    floodRss = Measure.PeakRssMb(host.Pid);
    Report(Measure.Summarize("API, 100 MB output flood", "python", 20, m, floodRss));
}

var left = (await Runners.ExecAsync("docker", ["ps", "-aq", "--filter", "label=codecube=1"], null, null)).Stdout
    .Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
Directory.Delete(work, recursive: true);
await File.WriteAllTextAsync(opts.Out, BenchmarkReport.Markdown(stats, left, opts));
Console.WriteLine($"\ncontainers left: {left}\nwrote {opts.Out}");
return 0;

internal sealed record Args(string HostDll, string Redis, bool Quick, int Pool, string Out)
{
    public static Args Parse(string[] args)
    {
        string Get(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }

        return new Args(Get("--host", "artifacts/host/CodeCube.Host.dll"), Get("--redis", "127.0.0.1:6379"),
            args.Contains("--quick"), int.Parse(Get("--pool", "4"), CultureInfo.InvariantCulture),
            Get("--out", "docs/benchmarks.md"));
    }
}

using System.Globalization;
using System.Text;

namespace CodeCube.Bench;

/// <summary>Writes docs/benchmarks.md: machine, the table, ratios and the targets of the performance issue.</summary>
internal static class BenchmarkReport
{
    public static string Markdown(List<Stats> stats, int containersLeft, Args opts)
    {
        var ci = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.AppendLine("# Benchmarks").AppendLine();
        md.AppendLine(ci, $"Generated {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC by `bench/run.sh{(opts.Quick ? " --quick" : "")}` (one run, one machine).").AppendLine();
        md.AppendLine("## Machine").AppendLine();
        md.AppendLine(ci, $"- CPU: {Environment.ProcessorCount} × {CpuModel()}");
        md.AppendLine(ci, $"- Memory: {MemTotalGiB():F1} GiB; OS: {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
        md.AppendLine(ci, $"- .NET {Environment.Version}; Docker {DockerVersion()}").AppendLine();
        md.AppendLine("## What is measured").AppendLine();
        md.AppendLine("Hello world per language, timed end to end by the client. *native*: the host's own interpreter or");
        md.AppendLine("compiler (compile + run for C and Go, warm caches). *docker run --rm*: CodeCube's original way, one");
        md.AppendLine("container per snippet with the same image, limits and runner. *API*: `POST /api/v1/run` on the host,");
        md.AppendLine("cold containers (pool off) or the warm pool; every request carries a unique comment so the result");
        md.AppendLine("cache never answers, except in the *cache hit* row. Peak RSS is the host process's VmHWM.").AppendLine();
        md.AppendLine("| scenario | language | concurrency | runs | failures | p50 ms | p95 ms | runs/s | host peak RSS MiB |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var s in stats)
        {
            md.AppendLine(s.Row());
        }

        md.AppendLine().AppendLine("## Ratios (p50, concurrency 1)").AppendLine();
        md.AppendLine("| language | docker run ÷ API pool | API pool off ÷ API pool | API pool − native (ms) |");
        md.AppendLine("|---|---|---|---|");
        var pool = stats.FirstOrDefault(s => s.Scenario.StartsWith("API, pool ", StringComparison.Ordinal) && !s.Scenario.Contains("off", StringComparison.Ordinal))?.Scenario;
        foreach (var lang in stats.Select(s => s.Language).Distinct())
        {
            double? P50(string scenario) => stats.FirstOrDefault(s => s.Scenario == scenario && s.Language == lang && s.Concurrency == 1)?.P50Ms;
            var (native, docker, off, warm) = (P50("native"), P50("docker run --rm"), P50("API, pool off"), pool is null ? null : P50(pool));
            if (warm is null)
            {
                continue;
            }

            md.AppendLine(ci, $"| {lang} | {docker / warm:F1}× | {off / warm:F1}× | {warm - native:F0} |");
        }

        md.AppendLine().AppendLine("## Targets").AppendLine();
        double? Get(string scenario, string lang, int c, Func<Stats, double> f) =>
            stats.FirstOrDefault(s => s.Scenario == scenario && s.Language == lang && s.Concurrency == c) is { } s ? f(s) : null;
        var pyDocker = Get("docker run --rm", "python", 1, s => s.P50Ms);
        var pyWarm = pool is null ? null : Get(pool, "python", 1, s => s.P50Ms);
        var pyNative = Get("native", "python", 1, s => s.P50Ms);
        var sustained = stats.FirstOrDefault(s => s.Scenario.EndsWith("sustained", StringComparison.Ordinal));
        var hit = Get("API, cache hit", "python", 1, s => s.P50Ms);
        var flood = stats.FirstOrDefault(s => s.Scenario.Contains("flood", StringComparison.Ordinal));
        md.AppendLine("| target | measured | held |");
        md.AppendLine("|---|---|---|");
        Line(md, "python via API with pool ≥ 5× faster than docker run --rm (p50)", pyDocker / pyWarm, "F1", "×", v => v >= 5);
        Line(md, "python via API with pool ≤ native + 40 ms (p50)", pyWarm - pyNative, "F0", " ms above native", v => v <= 40);
        Line(md, "≥ 10 runs/s sustained at concurrency 4", sustained?.RunsPerSecond, "F1", " runs/s", v => v >= 10);
        Line(md, "0 failures over the sustained runs", sustained?.Failures, "F0", $" failures of {sustained?.Runs}", v => v == 0);
        Line(md, "0 containers left afterwards", containersLeft, "F0", " left", v => v == 0);
        Line(md, "cache hit p50 ≤ 10 ms", hit, "F1", " ms", v => v <= 10);
        Line(md, "host peak RSS ≤ 250 MB during the flood", flood?.PeakRssMb, "F0", " MiB", v => v <= 250);
        return md.ToString();
    }

    private static void Line(StringBuilder md, string target, double? value, string format, string unit, Func<double, bool> held) =>
        md.AppendLine(CultureInfo.InvariantCulture,
            $"| {target} | {(value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) + unit : "not measured")} | {(value is { } w ? (held(w) ? "yes" : "**no**") : "–")} |");

    private static string CpuModel() =>
        File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";

    private static double MemTotalGiB() =>
        double.Parse(File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024 / 1024;

    private static string DockerVersion() =>
        Runners.ExecAsync("docker", ["version", "--format", "{{.Server.Version}} (API {{.Server.APIVersion}})"], null, null).GetAwaiter().GetResult().Stdout.Trim();
}

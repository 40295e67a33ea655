using System.Globalization;
using System.Text;

namespace CodeCube.Bench;

/// <summary>Writes docs/benchmarks.md: machine, per-language table, mixed workload, CPU split, targets.</summary>
internal static class BenchmarkReport
{
    private static readonly CultureInfo Ci = CultureInfo.InvariantCulture;

    public static string Markdown(Results r, IReadOnlyList<BenchProgram> programs, Args opts)
    {
        var md = new StringBuilder();
        var command = "bench/run.sh" + (opts.Quick ? " --quick" : "")
            + (opts.Languages is { } only ? " --languages " + string.Join(',', only.Order(StringComparer.Ordinal)) : "");
        md.AppendLine("# Benchmarks").AppendLine();
        md.AppendLine(Ci, $"Generated {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC by `{command}` (one run, one machine, the settings the host ships with).").AppendLine();
        md.AppendLine("## Machine").AppendLine();
        md.AppendLine(Ci, $"- CPU: {Environment.ProcessorCount} × {CpuModel()}; load average at the end: {LoadAverage()}");
        md.AppendLine(Ci, $"- Memory: {MemTotalGiB():F1} GiB; OS: {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
        md.AppendLine(Ci, $"- .NET {Environment.Version}; Docker {DockerVersion()}").AppendLine();
        md.AppendLine("## What is measured").AppendLine();
        md.AppendLine("Hello world per language, timed end to end by the client: each language's contract-test greeting");
        md.AppendLine("(tests/Sandbox.Tests/Languages/<id>/greet.*: reads a line from stdin, prints `Hello, World! 6*7=42`, exits");
        md.AppendLine("with status 3), checked for that exact output and status. *native*: the host's own interpreter or");
        md.AppendLine("compiler (compile + run for compiled languages). *docker run --rm*: CodeCube's original way, one");
        md.AppendLine("container per snippet with the same image, limits and runner. *API*: `POST /api/v1/run` on a host with");
        md.AppendLine("its shipped settings (adaptive warm pool); *API, cold*: the pool off, which is what a language's first");
        var n = RunCounts.For(opts.Quick);
        md.AppendLine(Ci, $"run after a quiet period costs. The nine languages with a native baseline get {n.Few} cold and {n.Some} pooled runs");
        md.AppendLine(Ci, $"(python {n.Many}), every other language {n.OtherCold} cold and {n.OtherWarm} pooled, so their p50 is a rough figure. Every request");
        md.AppendLine("ends in a count of blank lines of its own so the result cache never answers, except in the *cache hit*");
        md.AppendLine("row. Warm hits are counted from the host's run log. In the per-language rows one client sends a run,");
        md.AppendLine("reads the answer and waits 250 ms (a person's pace; a warm run is far quicker than the engine can start");
        md.AppendLine("a container, so a client with no pause at all only measures the engine, as the concurrency-4 and");
        md.AppendLine("sustained rows do). Requests come from 64 users, each connecting from a loopback address of its own");
        md.AppendLine("(127.0.0.2 to 127.0.0.65), in turn: the host allows one address 2 runs at once, so parallel rows");
        md.AppendLine("from a single address would measure refusals, not runs.").AppendLine();

        md.AppendLine("## Per language (p50 ms, concurrency 1)").AppendLine();
        md.AppendLine("Where a warm run's time goes: *program* is the run's own `wallMs`, the program's time in the container");
        md.AppendLine("from the runner's start marker to its exit report (after the compile, for compiled languages); *rest* is");
        md.AppendLine("API − program: HTTP, the pipeline (budget, cache lookup, snippet and result stored in Redis), the pool");
        md.AppendLine("hand-off, the request written into the container, the compile if any, and the answer. For an interpreted");
        md.AppendLine("language *program − native* is what running inside the container costs the interpreter itself.").AppendLine();
        md.AppendLine("| language | native | API, cold | API | program | rest | warm hits | API − native | cold ÷ API |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var name in r.Stats.Where(s => s.Scenario == "API" && s.Concurrency == 1).Select(s => s.Language))
        {
            var (native, cold, warm) = (r.P50("native", name), r.P50("API, cold", name), r.P50("API", name));
            var program = r.ProgramP50.TryGetValue(name, out var p) ? p : (double?)null;
            md.AppendLine(Ci, $"| {name} | {F(native)} | {F(cold)} | {F(warm)} | {F(program)} | {F(warm - program)} | {Pct(r.WarmHits.GetValueOrDefault(name, double.NaN))} | {F(warm - native)} | {F(cold / warm, "F1")}× |");
        }

        md.AppendLine().AppendLine("## Mixed workload and sustained load").AppendLine();
        md.AppendLine(Ci, $"A fresh host gets python, javascript, c, go and java at 50/20/10/10/10, {Mixed.PerSecond} runs/s arriving at random");
        md.AppendLine(Ci, $"(an open loop, as chat users send): {Pct(r.MixedFirstMinuteHitRate)} warm hits in the first minute, **{Pct(r.MixedHitRate)} after it**.");
        md.AppendLine("Then 500 python runs at concurrency 4 (a closed loop: the engine's ceiling) on the same host.").AppendLine();
        if (r.CpuPerRun is { } cpu)
        {
            md.AppendLine("CPU per run during the sustained python runs (ms; from /proc and the docker cgroup, so other work on the");
            md.AppendLine("machine shows up in *shims, runc* — orphans reaped by pid 1 — and in *machine*):").AppendLine();
            md.AppendLine("| our host | dockerd | containerd | shims, runc | containers | machine total |");
            md.AppendLine("|---|---|---|---|---|---|");
            md.AppendLine(Ci, $"| {cpu.Host:F1} | {cpu.Dockerd:F1} | {cpu.Containerd:F1} | {cpu.Shims:F1} | {cpu.Containers:F1} | {cpu.Machine:F1} |").AppendLine();
        }

        md.AppendLine("## All rows").AppendLine();
        md.AppendLine("| scenario | language | concurrency | runs | failures | p50 ms | p95 ms | runs/s | host peak RSS MiB |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var s in r.Stats)
        {
            md.AppendLine(s.Row());
        }

        md.AppendLine().AppendLine("## Targets").AppendLine();
        md.AppendLine("| target | measured | held |");
        md.AppendLine("|---|---|---|");
        var (pyNative, pyDocker, pyApi) = (r.P50("native", "python"), r.P50("docker run --rm", "python"), r.P50("API", "python"));
        Line(md, "python via the API ≥ 8× faster than docker run --rm (p50)", pyDocker / pyApi, "F1", "×", v => v >= 8);
        Line(md, "python via the API ≤ native + 20 ms (p50)", pyApi - pyNative, "F0", " ms above native", v => v <= 20);
        foreach (var program in programs.Where(p => r.P50("API", p.Name) is not null && r.P50("native", p.Name) is not null))
        {
            var allowed = program.Compiled ? 50 : 30;
            Line(md, $"{program.Name} ≤ native + {allowed} ms", r.P50("API", program.Name) - r.P50("native", program.Name), "F0",
                " ms above native", v => v <= allowed);
        }

        Line(md, "cpp with `#include <bits/stdc++.h>` ≤ 400 ms", r.P50("API", "cpp (bits/stdc++.h)"), "F0", " ms", v => v <= 400);
        Line(md, "mixed workload ≥ 90 % warm hits after one minute", r.MixedHitRate * 100, "F0", " %", v => v >= 90);
        Line(md, "≥ 12 runs/s sustained at concurrency 4", r.Sustained?.RunsPerSecond, "F1", " runs/s", v => v >= 12);
        Line(md, "0 failures over the sustained runs", r.Sustained?.Failures, "F0", $" failures of {r.Sustained?.Runs}", v => v == 0);
        Line(md, "host peak RSS ≤ 250 MB", r.Stats.Max(s => s.PeakRssMb), "F0", " MiB", v => v <= 250);
        Line(md, "0 containers left afterwards", r.ContainersLeft, "F0", " left", v => v == 0);
        Line(md, "cache hit p50 ≤ 10 ms", r.P50("API, cache hit", "python"), "F1", " ms", v => v <= 10);
        return md.ToString();
    }

    /// <summary>Sections other runs write (bench/run.sh --queue-overhead) start at this line and survive a full run.</summary>
    public const string KeptMarker = "<!-- Sections below are written by other runs (bench/run.sh --queue-overhead); bench/run.sh keeps them. -->";

    /// <summary>The part of an existing report from <see cref="KeptMarker"/> on, or nothing.</summary>
    public static string KeptPart(string report)
    {
        var at = report.IndexOf(KeptMarker, StringComparison.Ordinal);
        return at < 0 ? "" : Environment.NewLine + report[at..];
    }

    private static string F(double? value, string format = "F0") =>
        value is { } v && !double.IsNaN(v) ? v.ToString(format, Ci) : "–";

    private static string Pct(double value) => double.IsNaN(value) ? "–" : value.ToString("P0", Ci);

    private static void Line(StringBuilder md, string target, double? value, string format, string unit, Func<double, bool> held) =>
        md.AppendLine(Ci,
            $"| {target} | {(value is { } v && !double.IsNaN(v) ? v.ToString(format, Ci) + unit : "not measured")} | {(value is { } w && !double.IsNaN(w) ? (held(w) ? "yes" : "**no**") : "–")} |");

    private static string CpuModel() =>
        File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";

    private static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

    private static double MemTotalGiB() =>
        double.Parse(File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], Ci) / 1024 / 1024;

    private static string DockerVersion() =>
        Runners.ExecAsync("docker", ["version", "--format", "{{.Server.Version}} (API {{.Server.APIVersion}})"], null, null).GetAwaiter().GetResult().Stdout.Trim();
}

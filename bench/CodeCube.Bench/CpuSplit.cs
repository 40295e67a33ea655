using System.Globalization;

namespace CodeCube.Bench;

/// <summary>
/// CPU time spent by each party while runs go on: our host, dockerd, containerd, the per-container shims and runc
/// (orphans reaped by pid 1, plus the shims still alive), the run containers (cgroup cpuacct of docker), and the
/// whole machine. Read from /proc and the cgroup tree; no sampling, so short-lived runc processes are not missed.
/// </summary>
internal sealed record CpuSnapshot(double Host, double Dockerd, double Containerd, double Shims, double Containers, double Machine)
{
    private static readonly double Tick = 100.0;

    public static CpuSnapshot Take(int hostPid) => new(
        ProcessMs(hostPid, children: false),
        Pids("dockerd").Sum(p => ProcessMs(p, children: true)),
        Pids("containerd").Sum(p => ProcessMs(p, children: true)),
        Pids("containerd-shim").Sum(p => ProcessMs(p, children: true)) + ProcessMs(1, children: true, selfToo: false),
        ContainersMs(),
        MachineMs());

    public CpuSnapshot Minus(CpuSnapshot b) =>
        new(Host - b.Host, Dockerd - b.Dockerd, Containerd - b.Containerd, Shims - b.Shims, Containers - b.Containers, Machine - b.Machine);

    public CpuSnapshot PerRun(int runs) =>
        new(Host / runs, Dockerd / runs, Containerd / runs, Shims / runs, Containers / runs, Machine / runs);

    private static IEnumerable<int> Pids(string comm) =>
        Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && Comm(pid) == comm);

    private static string? Comm(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").Trim();
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static double ProcessMs(int pid, bool children, bool selfToo = true)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // Fields 14–17 of stat: utime, stime, cutime, cstime (indexes 11–14 after the command).
            double F(int i) => double.Parse(fields[i], CultureInfo.InvariantCulture);
            var self = selfToo ? F(11) + F(12) : 0;
            var reaped = children ? F(13) + F(14) : 0;
            return (self + reaped) * 1000 / Tick;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static double ContainersMs()
    {
        foreach (var path in new[] { "/sys/fs/cgroup/cpuacct/docker/cpuacct.usage", "/sys/fs/cgroup/cpu,cpuacct/docker/cpuacct.usage" })
        {
            if (File.Exists(path))
            {
                return double.Parse(File.ReadAllText(path).Trim(), CultureInfo.InvariantCulture) / 1e6;
            }
        }

        return double.NaN;
    }

    private static double MachineMs()
    {
        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..]
            .Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        // user nice system idle iowait irq softirq steal: busy is all but idle and iowait.
        return (cpu.Take(8).Sum() - cpu[3] - cpu[4]) * 1000 / Tick;
    }
}

using System.Diagnostics;
using System.Globalization;

namespace CodeCube.Sandbox.Docker;

/// <summary>
/// Which process on which machine owns a container (<c>codecube.host</c> = machine/pid/start ticks). A container
/// whose owner ran on this machine and is no longer running (no such pid, or the pid now belongs to a process that
/// started at another time) belongs to a dead host: the reaper removes it at once, without waiting for it to age.
/// Owners on other machines are never judged dead here; age still covers them.
/// </summary>
internal static class HostLease
{
    public const string Label = "codecube.host";

    public static string Current { get; } = Describe(Environment.MachineName, Environment.ProcessId, StartTicks(Process.GetCurrentProcess()));

    public static string Describe(string machine, int pid, long startTicks) =>
        string.Create(CultureInfo.InvariantCulture, $"{machine}/{pid}/{startTicks}");

    public static bool IsDead(string? lease) => Judge(lease) == Liveness.Dead;

    /// <summary>
    /// The owner runs on this machine right now (this process included): it removes its own containers, so no other
    /// instance's reaper may judge them by its own limits (an owner's run limit may be far longer).
    /// </summary>
    public static bool IsAlive(string? lease) => Judge(lease) == Liveness.Alive;

    private enum Liveness
    {
        Unknown,
        Alive,
        Dead,
    }

    private static Liveness Judge(string? lease)
    {
        var parts = lease?.Split('/');
        if (parts is not { Length: 3 } || parts[0] != Environment.MachineName
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
        {
            return Liveness.Unknown;
        }

        if (lease == Current)
        {
            return Liveness.Alive;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return StartTicks(process) == ticks ? Liveness.Alive : Liveness.Dead;
        }
        catch (ArgumentException)
        {
            return Liveness.Dead; // no process with that id
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return Liveness.Unknown; // cannot tell: let age decide
        }
    }

    /// <summary>
    /// When the process started, in a form every process computes alike. On Linux that is the kernel's own count
    /// (/proc/PID/stat field 22, clock ticks since boot): <see cref="Process.StartTime"/> adds a boot time each
    /// process estimates for itself, so two processes get different values for one pid and a live owner would look
    /// dead to another host's reaper.
    /// </summary>
    internal static long StartTicks(Process process)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{process.Id}/stat");
            // The command name (field 2) may hold spaces and parentheses; the fields after its closing one start at
            // field 3, so starttime (field 22) is the 20th of them.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[19], NumberStyles.None, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return process.StartTime.ToUniversalTime().Ticks;
        }
    }
}

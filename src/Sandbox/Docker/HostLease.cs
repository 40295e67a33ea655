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

    public static bool IsDead(string? lease)
    {
        var parts = lease?.Split('/');
        if (parts is not { Length: 3 } || parts[0] != Environment.MachineName
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
        {
            return false;
        }

        if (lease == Current)
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return StartTicks(process) != ticks;
        }
        catch (ArgumentException)
        {
            return true; // no process with that id
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return false; // cannot tell: let age decide
        }
    }

    private static long StartTicks(Process process) => process.StartTime.ToUniversalTime().Ticks;
}

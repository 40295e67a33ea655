using System.Diagnostics;
using CodeCube.Sandbox.Docker;

namespace CodeCube.Sandbox.Tests.Unit;

public sealed class HostLeaseTests
{
    private static readonly long MyStart = HostLease.StartTicks(Process.GetCurrentProcess());

    [Fact]
    public void This_process_is_alive() =>
        Assert.Equal((false, true), (HostLease.IsDead(HostLease.Current), HostLease.IsAlive(HostLease.Current)));

    [Fact]
    public void Another_running_process_on_this_machine_is_alive()
    {
        using var shell = Process.Start(new ProcessStartInfo("sleep", "30"))!;
        try
        {
            var lease = HostLease.Describe(Environment.MachineName, shell.Id, HostLease.StartTicks(shell));
            Assert.Equal((false, true), (HostLease.IsDead(lease), HostLease.IsAlive(lease)));
        }
        finally
        {
            shell.Kill();
        }
    }

    [Fact]
    public void A_pid_that_now_belongs_to_a_process_started_at_another_time_is_dead() =>
        Assert.True(HostLease.IsDead(HostLease.Describe(Environment.MachineName, Environment.ProcessId, MyStart - 1)));

    [Fact]
    public async Task A_process_that_exited_is_dead()
    {
        using var gone = Process.Start("true")!;
        var lease = HostLease.Describe(Environment.MachineName, gone.Id, HostLease.StartTicks(gone));
        await gone.WaitForExitAsync();

        Assert.True(HostLease.IsDead(lease));
    }

    [Fact]
    public async Task Every_process_reads_the_same_start_time_for_a_pid()
    {
        // The reaper of one host judges leases written by another process: the start time must be the kernel's own
        // value, read here by a different program, not one derived from this process's estimate of the boot time.
        using var sleeper = Process.Start(new ProcessStartInfo("sleep", "30"))!;
        try
        {
            using var awk = Process.Start(new ProcessStartInfo("awk", ["{ print $22 }", $"/proc/{sleeper.Id}/stat"])
            {
                RedirectStandardOutput = true,
            })!;
            var seenElsewhere = long.Parse((await awk.StandardOutput.ReadToEndAsync()).Trim(), System.Globalization.CultureInfo.InvariantCulture);
            await awk.WaitForExitAsync();

            Assert.Equal(seenElsewhere, HostLease.StartTicks(sleeper));
        }
        finally
        {
            sleeper.Kill();
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("another-machine/1/1")]
    public void Owners_it_cannot_judge_are_neither_dead_nor_alive(string? lease) =>
        Assert.Equal((false, false), (HostLease.IsDead(lease), HostLease.IsAlive(lease)));
}

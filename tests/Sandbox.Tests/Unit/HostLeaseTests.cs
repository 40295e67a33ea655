using System.Diagnostics;
using CodeCube.Sandbox.Docker;

namespace CodeCube.Sandbox.Tests.Unit;

public sealed class HostLeaseTests
{
    private static readonly long MyStart = Process.GetCurrentProcess().StartTime.ToUniversalTime().Ticks;

    [Fact]
    public void This_process_is_alive() => Assert.False(HostLease.IsDead(HostLease.Current));

    [Fact]
    public void A_pid_that_now_belongs_to_a_process_started_at_another_time_is_dead() =>
        Assert.True(HostLease.IsDead(HostLease.Describe(Environment.MachineName, Environment.ProcessId, MyStart - 1)));

    [Fact]
    public async Task A_process_that_exited_is_dead()
    {
        using var gone = Process.Start("true")!;
        var lease = HostLease.Describe(Environment.MachineName, gone.Id, gone.StartTime.ToUniversalTime().Ticks);
        await gone.WaitForExitAsync();

        Assert.True(HostLease.IsDead(lease));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("another-machine/1/1")]
    public void Owners_it_cannot_judge_are_never_called_dead(string? lease) => Assert.False(HostLease.IsDead(lease));
}

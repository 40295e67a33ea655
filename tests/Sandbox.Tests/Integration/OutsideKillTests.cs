using CodeCube.Sandbox.Docker;
using Docker.DotNet.Models;

namespace CodeCube.Sandbox.Tests.Integration;

/// <summary>
/// A container killed from outside while the program runs (an operator's `docker kill`, the engine stopping): the
/// runner never reports how the program ended, so the run is lost, not "completed by signal 9", and never cached.
/// </summary>
public sealed class OutsideKillTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task A_run_whose_container_is_killed_from_outside_is_a_lost_run()
    {
        var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var progress = new Progress<OutputChunk>(c =>
        {
            if (c.Text.Contains("up", StringComparison.Ordinal))
            {
                up.TrySetResult();
            }
        });
        var run = fixture.Sandbox.RunAsync(
            new RunRequest("python", "import time\nprint('up', flush=True)\ntime.sleep(60)"), progress, CancellationToken.None);

        await up.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var running = (await TestSandbox.ContainersAsync(fixture.InstanceId)).Single(c => c.State == "running");
        using (var client = TestSandbox.Engine())
        {
            await client.Containers.KillContainerAsync(running.ID, new ContainerKillParameters { Signal = "KILL" });
        }

        var result = await run;

        Assert.Equal(RunOutcome.SandboxError, result.Outcome);
        Assert.Equal(RunOutcomeMapper.LostRun, result.Detail);
        Assert.False(result.FullyObserved);
    }
}

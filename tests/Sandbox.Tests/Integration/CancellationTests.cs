namespace CodeCube.Sandbox.Tests.Integration;

public sealed class CancellationTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task Cancelling_a_run_throws_and_still_removes_its_container()
    {
        using var cts = new CancellationTokenSource();
        var started = new Progress<OutputChunk>(_ => cts.Cancel());

        var run = fixture.Sandbox.RunAsync(
            new RunRequest("python", "import time\nprint('up', flush=True)\ntime.sleep(60)"), started, cts.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Empty(await TestSandbox.ContainersAsync(fixture.InstanceId));
    }
}

using Docker.DotNet.Models;
using CodeCube.Sandbox.Pool;
using Microsoft.Extensions.Hosting;

namespace CodeCube.Sandbox.Tests.Integration;

/// <summary>The sandbox with its hosted services (warm pool, reaper) running; stopping them drains the pool.</summary>
public class HostedSandboxFixture(params (string Key, string Value)[] settings) : SandboxFixture(settings)
{
    internal WarmPool Pool => Services.GetRequiredService<WarmPool>();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        foreach (var service in Services.GetServices<IHostedService>())
        {
            await service.StartAsync(CancellationToken.None);
        }
    }

    public override async Task DisposeAsync()
    {
        // Stopping drains the pool; the base then checks that nothing of this instance is left.
        foreach (var service in Services.GetServices<IHostedService>().Reverse())
        {
            await service.StopAsync(CancellationToken.None);
        }

        await base.DisposeAsync();
    }
}

/// <summary>A fixed pool of one python container.</summary>
public sealed class PooledFixture() : HostedSandboxFixture(("Sandbox:Pool:Size", "1"), ("Sandbox:Pool:Languages:0", "python"))
{
    internal Task WaitForPooledAsync(string language) =>
        Eventually.TrueAsync(() => Pool.Count(language) > 0, $"the pool to fill for {language}", TimeSpan.FromSeconds(60));
}

public sealed class WarmPoolTests(PooledFixture fixture) : IClassFixture<PooledFixture>
{
    [Fact]
    public async Task A_pooled_container_serves_one_run_then_is_replaced()
    {
        await fixture.WaitForPooledAsync("python");
        await fixture.DrainRemovalsAsync();
        var before = (await TestSandbox.ContainersAsync(fixture.InstanceId)).Select(c => c.ID).ToHashSet();
        Assert.Single(before);

        var result = await fixture.RunAsync("python", "import sys\nprint(sys.stdin.read()[::-1])", "loop");

        Assert.True(result.Outcome == RunOutcome.Completed, LanguageContractTests.Describe(result));
        Assert.Equal("pool\n", result.Stdout);
        await fixture.WaitForPooledAsync("python");
        await fixture.DrainRemovalsAsync();
        var after = (await TestSandbox.ContainersAsync(fixture.InstanceId)).Select(c => c.ID).ToHashSet();
        Assert.Single(after);
        Assert.Empty(after.Intersect(before));
    }

    [Fact]
    public async Task Languages_outside_the_pool_and_an_empty_pool_fall_back_to_a_cold_start()
    {
        var runs = await Task.WhenAll(
            fixture.RunAsync("bash", "echo cold"),
            fixture.RunAsync("python", "print('a')"),
            fixture.RunAsync("python", "print('b')"),
            fixture.RunAsync("python", "print('c')"));

        Assert.Equal(["cold\n", "a\n", "b\n", "c\n"], runs.Select(r => r.Stdout).ToArray());
        Assert.Equal(0, fixture.Pool.Count("bash"));
    }

    [Fact]
    public async Task A_pooled_container_that_died_while_waiting_is_replaced_by_a_cold_start()
    {
        await fixture.WaitForPooledAsync("python");
        await fixture.DrainRemovalsAsync();
        var pooled = (await TestSandbox.ContainersAsync(fixture.InstanceId)).Single();
        using (var client = TestSandbox.Engine())
        {
            await client.Containers.KillContainerAsync(pooled.ID, new ContainerKillParameters());
        }

        var result = await fixture.RunAsync("python", "print('still fine')");

        Assert.True(result.Outcome == RunOutcome.Completed, LanguageContractTests.Describe(result));
        Assert.Equal("still fine\n", result.Stdout);
    }

    [Fact]
    public async Task A_pooled_container_is_as_hardened_as_a_cold_one()
    {
        await fixture.WaitForPooledAsync("python");

        var result = await fixture.RunAsync("python", """
            import os
            print(os.getuid(), sorted(os.listdir('/sys/class/net')), os.access('/', os.W_OK))
            """);

        Assert.Equal("10001 ['lo'] False\n", result.Stdout);
    }
}

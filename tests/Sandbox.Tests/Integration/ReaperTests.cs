using CodeCube.Sandbox.Docker;
using CodeCube.Sandbox.Languages;
using Docker.DotNet;
using Docker.DotNet.Models;
using Microsoft.Extensions.Time.Testing;

namespace CodeCube.Sandbox.Tests.Integration;

public sealed class ReaperTests : IAsyncLifetime
{
    // Scopes every sweep here to this test's containers, so parallel tests (and other users of the engine) are safe.
    private readonly string testLabel = "codecube.test=" + Guid.NewGuid().ToString("N");
    private readonly FakeTimeProvider time = new(DateTimeOffset.UtcNow);
    private readonly List<string> created = [];
    private ServiceProvider provider = null!;

    public Task InitializeAsync()
    {
        provider = TestServices.Build(TestSandbox.Settings(TestSandbox.NewInstanceId("reaper")),
            (services, configuration) => services.AddSingleton<TimeProvider>(time).AddDockerSandbox(configuration));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        using var client = TestSandbox.Engine();
        foreach (var id in created)
        {
            try
            {
                await client.Containers.RemoveContainerAsync(id, new ContainerRemoveParameters { Force = true });
            }
            catch (DockerContainerNotFoundException)
            {
                // Reaped, as it should be.
            }
        }

        await provider.DisposeAsync();
    }

    private async Task<string> CreateAsync(string instance, bool pooled = false, string? lease = null)
    {
        var registry = provider.GetRequiredService<LanguageRegistry>();
        Assert.True(registry.TryGetSpec("bash", out var bash));
        var (key, value) = (testLabel.Split('=')[0], testLabel.Split('=')[1]);
        var labels = new Dictionary<string, string>
        {
            ["codecube"] = "1",
            ["codecube.instance"] = instance,
            ["codecube.pooled"] = pooled ? "1" : "0",
            [key] = value,
        };
        if (lease is not null)
        {
            labels[HostLease.Label] = lease;
        }

        using var client = TestSandbox.Engine();
        var response = await client.Containers.CreateContainerAsync(new CreateContainerParameters
        {
            Image = bash.Image,
            Entrypoint = ["true"],
            Labels = labels,
        });
        created.Add(response.ID);
        return response.ID;
    }

    private async Task<HashSet<string>> RemainingAsync()
    {
        using var client = TestSandbox.Engine();
        var list = await client.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>>
            {
                ["label"] = new Dictionary<string, bool> { [testLabel] = true },
            },
        });
        return list.Select(c => c.ID).ToHashSet();
    }

    [Fact]
    public async Task Removes_leftovers_by_age_but_never_a_live_container()
    {
        var instance = provider.GetRequiredService<SandboxInstance>();
        var reaper = provider.GetRequiredService<ContainerReaper>();
        reaper.ExtraLabelFilter = testLabel;
        var ownLeftover = await CreateAsync(instance.Id);
        var ownLive = await CreateAsync(instance.Id);
        instance.Track(ownLive);
        var deadInstance = await CreateAsync(TestSandbox.NewInstanceId("dead"));
        var otherPooled = await CreateAsync(TestSandbox.NewInstanceId("other"), pooled: true);

        Assert.Equal(0, await reaper.ReapAsync(CancellationToken.None));

        // Past the run limit: our own unused container goes; another instance's may still be running a compile.
        time.Advance(TimeSpan.FromSeconds(15));
        Assert.Equal(1, await reaper.ReapAsync(CancellationToken.None));
        Assert.Equal(new HashSet<string> { ownLive, deadInstance, otherPooled }, await RemainingAsync());
        Assert.DoesNotContain(ownLeftover, await RemainingAsync());

        // Past any compile + run + grace: the dead instance's container goes; a pooled one may idle longer.
        time.Advance(TimeSpan.FromMinutes(3));
        await reaper.ReapAsync(CancellationToken.None);
        Assert.Equal(new HashSet<string> { ownLive, otherPooled }, await RemainingAsync());

        // Past the pool's idle limit too: only the live one stays.
        time.Advance(TimeSpan.FromHours(1));
        await reaper.ReapAsync(CancellationToken.None);
        Assert.Equal(new HashSet<string> { ownLive }, await RemainingAsync());
    }

    [Fact]
    public async Task Never_removes_the_container_of_another_instance_whose_host_is_alive_on_this_machine()
    {
        var reaper = provider.GetRequiredService<ContainerReaper>();
        reaper.ExtraLabelFilter = testLabel;
        // Another host in this very process (as in-process test hosts are): it reaps its own by its own limits, which
        // may be far longer than ours.
        var otherLive = await CreateAsync(TestSandbox.NewInstanceId("other"), lease: HostLease.Current);

        time.Advance(TimeSpan.FromHours(2));

        Assert.Equal(0, await reaper.ReapAsync(CancellationToken.None));
        Assert.Contains(otherLive, await RemainingAsync());
    }
}

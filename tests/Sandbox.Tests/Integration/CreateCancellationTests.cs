namespace CodeCube.Sandbox.Tests.Integration;

/// <summary>
/// A caller that gives up while the engine is creating its container: the engine finishes the create whatever the
/// client does, so a create abandoned mid-request left a container nobody knew the id of (the reaper only takes it
/// once it is older than any run could last). The tap holds the create until after the cancel.
/// </summary>
public sealed class CreateCancellationTests : IAsyncLifetime
{
    private readonly TappedSandbox sandbox = new(new Dictionary<string, string> { ["Sandbox:Pool:Size"] = "0" });

    public Task InitializeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_run_cancelled_during_its_create_removes_the_container_the_engine_made()
    {
        var tap = sandbox.Tap;
        tap.Hold("/containers/create");
        using var cts = new CancellationTokenSource();
        var run = sandbox.Sandbox.RunAsync(new RunRequest("python", "print('never')", "", []), null, cts.Token);
        await Eventually.TrueAsync(() => tap.Held == 1, "the create to reach the engine");

        await cts.CancelAsync();
        tap.Release();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Contains(tap.Requests, r => r.StartsWith("DELETE /v1.41/containers/{id}", StringComparison.Ordinal));
    }

    // Disposing the tapped sandbox fails if a container of its instance is left.
    public async Task DisposeAsync() => await sandbox.DisposeAsync();
}

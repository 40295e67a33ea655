using System.Collections.Concurrent;

namespace CodeCube.Sandbox.Docker;

/// <summary>
/// Removes used containers off the request path: a removal (overlay unmount, cgroup teardown) costs 50–300 ms that
/// the user need not wait for once the result is known. Every removal is tracked and awaited on dispose, so
/// shutdown drains them; a crash leaves labelled containers that the reaper removes.
/// </summary>
internal sealed class ContainerRemover(ContainerLauncher launcher) : IAsyncDisposable, IDisposable
{
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(60);
    private readonly ConcurrentDictionary<Task, byte> _pending = new();

    public int Pending => _pending.Count;

    public void Remove(StartedContainer container)
    {
        var removal = launcher.RemoveAsync(container);
        _pending.TryAdd(removal, 0);
        // Registered after the add, so a removal that already finished is still taken out of the set.
        removal.ContinueWith(done => _pending.TryRemove(done, out _), CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Waits for every removal started so far (RemoveAsync never throws).</summary>
    public Task DrainAsync() => Task.WhenAll(_pending.Keys);

    public async ValueTask DisposeAsync() =>
        await DrainAsync().WaitAsync(DrainLimit).ConfigureAwait(false);

    public void Dispose() => DrainAsync().Wait(DrainLimit);
}

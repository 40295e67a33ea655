using Docker.DotNet;

namespace CodeCube.Sandbox.Docker;

/// <summary>Kills a container once, for the first reason that comes up (deadline timers and the reader race).</summary>
internal sealed class Killer(DockerEngine engine, string containerId) : IDisposable
{
    private readonly Lock _gate = new();
    private Task _kill = Task.CompletedTask;
    private bool _disposed;

    public KillReason Reason { get; private set; } = KillReason.None;

    /// <summary>Raised once, on the thread that decided to kill.</summary>
    public event Action? Killed;

    public void Kill(KillReason reason)
    {
        lock (_gate)
        {
            if (_disposed || Reason != KillReason.None)
            {
                return;
            }

            Reason = reason;
            _kill = KillAsync();
        }

        try
        {
            Killed?.Invoke();
        }
        catch (ObjectDisposedException)
        {
            // The run finished while a timer fired; nothing is left to cancel.
        }
    }

    /// <summary>No kill after this one: the run is over and its reason (or none) is final.</summary>
    public void Seal()
    {
        lock (_gate)
        {
            _disposed = true;
        }
    }

    public async Task WhenDoneAsync()
    {
        Task pending;
        lock (_gate)
        {
            pending = _kill;
        }

        await pending.ConfigureAwait(false);
    }

    private async Task KillAsync()
    {
        try
        {
            await engine.CallAsync(t => engine.Api.KillAsync(containerId, t), CancellationToken.None)
                .ConfigureAwait(false);
        }
        catch (Exception e) when (e is SandboxFailure or DockerApiException)
        {
            // Already exited (409/404) or the engine is away; removal with force follows either way.
        }
    }

    public void Dispose() => Seal();
}

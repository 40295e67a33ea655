namespace CodeCube.Sandbox.Pool;

/// <summary>How a run got its container.</summary>
internal enum TakeKind
{
    /// <summary>A ready container from the pool.</summary>
    Warm,

    /// <summary>The pool was starting one for this language; the run waited for it instead of starting its own.</summary>
    Joined,

    /// <summary>The run started its own container.</summary>
    Cold,
}

/// <summary>What <see cref="PoolLedger{T}.Take"/> decided: a ready container, a launch to wait for, or a cold start.</summary>
internal sealed record PoolTake<T>(TakeKind Kind, T? Container, Task<T?>? Launch, IReadOnlyList<T> Stale)
    where T : class;

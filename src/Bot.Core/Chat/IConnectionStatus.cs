namespace CodeCube.Core.Chat;

/// <summary>
/// Optional for an <see cref="IChatAdapter"/>: whether it is connected to its platform right now. The connection
/// gauge reads it; adapters without it are reported by whether their event stream is running.
/// </summary>
public interface IConnectionStatus
{
    bool IsConnected { get; }
}

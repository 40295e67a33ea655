namespace CodeCube.Core.Contracts;

/// <summary>
/// No sandbox could take the run in time (no live worker). Unlike a <see cref="RunOutcome.SandboxError"/>, nothing
/// ran and nothing is stored: the caller is told to try again later (HTTP 503, a short chat notice).
/// </summary>
public sealed class SandboxUnavailableException : Exception
{
    public SandboxUnavailableException()
        : this("no sandbox worker available")
    {
    }

    public SandboxUnavailableException(string message)
        : base(message)
    {
    }

    public SandboxUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

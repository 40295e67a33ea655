namespace CodeCube.Sandbox.Docker;

/// <summary>The sandbox could not run the code at all; the message is shown to the user as the run's detail.</summary>
internal sealed class SandboxFailure(string message, Exception? inner = null) : Exception(message, inner);

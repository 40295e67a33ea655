namespace CodeCube.Sandbox.Docker;

/// <summary>
/// The sandbox could not run the code at all. The message (engine address, daemon text) is for the log only;
/// <see cref="PublicDetail"/> is what the user and the stored snippet see.
/// </summary>
internal sealed class SandboxFailure(string message, Exception? inner = null, string? publicDetail = null)
    : Exception(message, inner)
{
    public const string Unavailable = "the sandbox is unavailable right now; try again in a minute";

    public string PublicDetail { get; } = publicDetail ?? Unavailable;
}

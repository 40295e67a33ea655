namespace CodeCube.Sandbox.Docker;

/// <summary>Asks the Docker engine whether it answers, for health endpoints; bounded by the engine call timeout.</summary>
public sealed class EngineProbe
{
    private readonly DockerEngine _engine;

    internal EngineProbe(DockerEngine engine) => _engine = engine;

    /// <summary>Null when the engine answered a ping; otherwise what is wrong, in one line.</summary>
    public async Task<string?> ProblemAsync(CancellationToken ct)
    {
        try
        {
            await _engine.CallAsync(t => _engine.Client.System.PingAsync(t), ct).ConfigureAwait(false);
            return null;
        }
        catch (SandboxFailure e)
        {
            return e.Message;
        }
    }
}

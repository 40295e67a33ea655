namespace CodeCube.Sandbox.Docker;

/// <summary>Asks the Docker engine whether it answers, for the health check; bounded by the engine call timeout.</summary>
internal sealed class EngineProbe(DockerEngine engine)
{
    /// <summary>Null when the engine answered a ping; otherwise what is wrong, in one line.</summary>
    public async Task<string?> ProblemAsync(CancellationToken ct)
    {
        try
        {
            await engine.CallAsync(t => engine.Api.PingAsync(t), ct).ConfigureAwait(false);
            return null;
        }
        catch (SandboxFailure e)
        {
            return e.Message;
        }
    }
}

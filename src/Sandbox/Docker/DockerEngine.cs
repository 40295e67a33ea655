using System.Net;
using System.Net.Sockets;
using Docker.DotNet;
using Microsoft.Extensions.Options;

namespace CodeCube.Sandbox.Docker;

/// <summary>The one Docker client of this process (API 1.41) and the rules for calling it without hanging.</summary>
internal sealed class DockerEngine : IDisposable
{
    public static readonly Version ApiVersion = new(1, 41);
    private readonly DockerClientConfiguration _configuration;

    public DockerEngine(IOptions<SandboxOptions> options)
    {
        Endpoint = options.Value.DockerEndpoint;
        CallTimeout = options.Value.EngineTimeout;
        _configuration = new DockerClientConfiguration(new Uri(Endpoint), defaultTimeout: CallTimeout);
        Client = _configuration.CreateClient(ApiVersion);
    }

    public string Endpoint { get; }

    public TimeSpan CallTimeout { get; }

    public IDockerClient Client { get; }

    /// <summary>
    /// Runs one engine call bounded by <see cref="CallTimeout"/>, translating "cannot reach the engine" and
    /// "engine does not answer" into <see cref="SandboxFailure"/>. The caller's cancellation still throws.
    /// </summary>
    public async Task<T> CallAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(CallTimeout);
        try
        {
            return await call(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new SandboxFailure($"Docker engine at {Endpoint} did not answer within {CallTimeout.TotalSeconds:0} s");
        }
        catch (Exception e) when (IsUnreachable(e) && !ct.IsCancellationRequested)
        {
            throw new SandboxFailure($"Docker engine is not reachable at {Endpoint}: {Innermost(e).Message}", e);
        }
    }

    public Task CallAsync(Func<CancellationToken, Task> call, CancellationToken ct) =>
        CallAsync(async t =>
        {
            await call(t).ConfigureAwait(false);
            return true;
        }, ct);

    public static bool IsNotFound(Exception e) => e is DockerApiException { StatusCode: HttpStatusCode.NotFound };

    private static bool IsUnreachable(Exception e) =>
        e is HttpRequestException or SocketException or IOException ||
        e.InnerException is { } inner && IsUnreachable(inner);

    private static Exception Innermost(Exception e) => e.InnerException is { } inner ? Innermost(inner) : e;

    public void Dispose()
    {
        Client.Dispose();
        _configuration.Dispose();
    }
}

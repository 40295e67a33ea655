using System.Net;
using System.Net.Sockets;
using Docker.DotNet;
using Microsoft.Extensions.Options;

namespace CodeCube.Sandbox.Docker;

/// <summary>
/// The engine clients of this process (API 1.41) and the rules for calling them without hanging: the calls of every
/// run go over one pooled <see cref="HttpClient"/> (<see cref="Api"/>); Docker.DotNet's <see cref="Client"/> serves
/// attach (a hijacked connection per container) and the doctor's version and info reports.
/// </summary>
internal sealed class DockerEngine : IDisposable
{
    public static readonly Version ApiVersion = new(1, 41);
    private readonly DockerClientConfiguration _configuration;
    private readonly HttpClient _http;

    public DockerEngine(IOptions<SandboxOptions> options)
    {
        Endpoint = options.Value.DockerEndpoint;
        CallTimeout = options.Value.EngineTimeout;
        _configuration = new DockerClientConfiguration(new Uri(Endpoint), defaultTimeout: CallTimeout);
        Client = _configuration.CreateClient(ApiVersion);
        _http = PooledHttp(new Uri(Endpoint));
        Api = new EngineApi(_http);
    }

    public string Endpoint { get; }

    public TimeSpan CallTimeout { get; }

    public IDockerClient Client { get; }

    public EngineApi Api { get; }

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

    // Kept-alive connections to the engine, reused call after call; deadlines come from the callers' tokens.
    private static HttpClient PooledHttp(Uri endpoint)
    {
        var handler = new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30) };
        var baseUri = endpoint;
        if (endpoint.Scheme == "unix")
        {
            var path = endpoint.LocalPath;
            handler.ConnectCallback = async (_, ct) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), ct).ConfigureAwait(false);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
            baseUri = new Uri("http://docker");
        }
        else if (endpoint.Scheme == "tcp")
        {
            baseUri = new UriBuilder(endpoint) { Scheme = "http" }.Uri;
        }

        return new HttpClient(handler)
        {
            BaseAddress = new Uri(baseUri, $"/v{ApiVersion.ToString(2)}/"),
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public void Dispose()
    {
        _http.Dispose();
        Client.Dispose();
        _configuration.Dispose();
    }
}

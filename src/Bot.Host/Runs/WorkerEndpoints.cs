using System.Net;

namespace CodeCube.Host.Runs;

/// <summary>
/// <c>GET /api/v1/workers</c>. Worker names default to machine names, which the public has no business seeing, so
/// the list answers only requests from the host's own machine (curl on it, or an SSH tunnel); others get 404, as
/// if it did not exist. /healthz carries only the count.
/// </summary>
public static class WorkerEndpoints
{
    public static IEndpointRouteBuilder MapWorkers(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/workers", async (HttpContext http, WorkerDirectory workers) =>
        {
            if (http.Connection.RemoteIpAddress is not { } address || !IPAddress.IsLoopback(address))
            {
                return Results.NotFound();
            }

            http.Response.Headers.CacheControl = "no-store";
            return Results.Ok(await workers.LiveAsync().ConfigureAwait(false));
        });
        return app;
    }
}

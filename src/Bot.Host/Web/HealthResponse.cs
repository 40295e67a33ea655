using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CodeCube.Host.Web;

/// <summary>/healthz body: overall status and one line per check (redis, docker, ...); 503 when any is down.</summary>
internal static class HealthResponse
{
    public static Task WriteAsync(HttpContext http, HealthReport report)
    {
        var body = new
        {
            status = report.Status.ToString().ToLowerInvariant(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString().ToLowerInvariant(), description = e.Value.Description }),
        };
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        return http.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}

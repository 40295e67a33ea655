using CodeCube.Sandbox.Docker;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CodeCube.Host.Web;

/// <summary>/healthz reports whether the Docker engine answers, since no run can succeed without it.</summary>
public sealed class DockerHealthCheck(EngineProbe probe) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await probe.ProblemAsync(cancellationToken).ConfigureAwait(false) is { } problem
            ? HealthCheckResult.Unhealthy("Docker engine unreachable", data: new Dictionary<string, object> { ["problem"] = problem })
            : HealthCheckResult.Healthy("Docker engine answered");
}

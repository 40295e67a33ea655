using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CodeCube.Sandbox.Docker;

/// <summary>/healthz reports whether the Docker engine answers, since no run can succeed without it.</summary>
internal sealed class DockerHealthCheck(EngineProbe probe) : IHealthCheck
{
    public const string Name = "docker";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await probe.ProblemAsync(cancellationToken).ConfigureAwait(false) is { } problem
            ? HealthCheckResult.Unhealthy("Docker engine unreachable", data: new Dictionary<string, object> { ["problem"] = problem })
            : HealthCheckResult.Healthy("Docker engine answered");
}

using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using CodeCube.Core.Contracts;
using CodeCube.Core.Options;
using CodeCube.Core.Running;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CodeCube.Host.Web;

public static class WebServiceCollectionExtensions
{
    /// <summary>
    /// Web options, Kestrel's body limit, problem details, the run rate limit and what the endpoints need.
    /// </summary>
    public static IServiceCollection AddCodeCubeWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<WebOptions, WebOptionsValidator>(configuration, WebOptions.Section);
        services.AddInputLimits(configuration);
        services.AddSingleton<IConfigureOptions<KestrelServerOptions>, KestrelBodyLimit>();
        // Permalink options, IRunService and IPermalinks come from AddCodeCubeCore; the health checks from
        // AddDockerSandbox ("docker") and AddRedisStorage ("redis").
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<WebOptions>>((forwarded, web) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the proxies named here: the defaults (loopback) would let any local process pick its address.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in web.Value.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });

        services.AddSingleton<RunInputReader>();
        services.AddProblemDetails();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(WebEndpoints.RunPolicy, http =>
            {
                var perMinute = http.RequestServices.GetRequiredService<IOptions<WebOptions>>().Value.RunsPerMinutePerClient;
                var client = ClientAddress.KeyFor(http);
                return perMinute == 0
                    ? RateLimitPartition.GetNoLimiter(client)
                    : RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = perMinute,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    });
            });
            limiter.OnRejected = (context, ct) =>
            {
                context.HttpContext.RequestServices.GetRequiredService<RunMetrics>().RateLimited("web");
                var problem = Results.Problem(
                    statusCode: StatusCodes.Status429TooManyRequests,
                    title: "Too many runs",
                    detail: "This address started too many runs in the last minute; wait a little and try again.");
                return new ValueTask(problem.ExecuteAsync(context.HttpContext));
            };
        });
        return services;
    }

    /// <summary>Error handling, security headers, static files, pages, API and /healthz.</summary>
    public static WebApplication UseCodeCubeWeb(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<WebOptions>>().Value.KnownProxies.Count > 0)
        {
            app.UseForwardedHeaders();
        }

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseSecurityHeaders();
        app.UseStaticFiles();
        app.UseRateLimiter();
        app.MapCodeCubeWeb();
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync });
        return app;
    }
}

using CodeCube.Core.Options;
using CodeCube.Core.Pipeline;
using CodeCube.Core.Running;
using CodeCube.Sandbox.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CodeCube.Host.Metrics;

/// <summary>
/// OpenTelemetry for the host: our Meters (runs, chat, sandbox, health) and ASP.NET Core's, a Prometheus endpoint on
/// its own listener (<see cref="MetricsServer"/> on <see cref="MetricsOptions.Urls"/>), and OTLP export of traces and metrics when the standard
/// OTEL_EXPORTER_OTLP_ENDPOINT variable is set.
/// </summary>
public static class TelemetryExtensions
{
    public const string ScrapePath = "/metrics";

    private static readonly string[] Meters =
        [RunMetrics.MeterName, ChatMetrics.MeterName, SandboxMetrics.MeterName, HealthMetrics.MeterName];

    public static WebApplicationBuilder AddCodeCubeTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var metrics = configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>() ?? new MetricsOptions();
        var publicUrls = configuration[WebHostDefaults.ServerUrlsKey];
        builder.Services.AddValidatedOptions<MetricsOptions, MetricsOptionsValidator>(configuration, MetricsOptions.Section);
        if (metrics.Problem(publicUrls) is { } problem)
        {
            // The listener is set up before the host exists, so a bad value must stop here with its key named.
            throw new OptionsValidationException(MetricsOptions.Section, typeof(MetricsOptions), [problem]);
        }

        var listeners = metrics.Listeners();
        builder.Services.AddHostedService<MetricsServer>();
        builder.Services.AddSingleton<HealthMetrics>();
        builder.Services.AddSingleton<IHealthCheckPublisher>(sp => sp.GetRequiredService<HealthMetrics>());
        builder.Services.Configure<HealthCheckPublisherOptions>(o =>
        {
            o.Delay = TimeSpan.FromSeconds(1);
            o.Period = metrics.HealthInterval;
        });

        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("codecube"))
            .WithMetrics(m =>
            {
                m.AddMeter(Meters).AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel");
                if (listeners.Count > 0)
                {
                    // No response cache: the listener is private and a scrape must show what just happened.
                    m.AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0);
                }
            });
        if (otlp)
        {
            telemetry
                .WithTracing(t => t.AddSource(RunMetrics.MeterName).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation())
                .UseOtlpExporter();
        }

        return builder;
    }
}

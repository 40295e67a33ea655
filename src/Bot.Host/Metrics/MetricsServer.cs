using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace CodeCube.Host.Metrics;

/// <summary>
/// A second, minimal Kestrel server that serves only <c>GET /metrics</c> on Metrics:Urls. Being its own server (not a
/// second address of the public one) means no public route, middleware or Host header can ever reach the metrics,
/// and the public site has no /metrics at all.
/// </summary>
internal sealed partial class MetricsServer(
    IOptions<MetricsOptions> options, MeterProvider meters, ILogger<MetricsServer> logger) : IHostedService, IAsyncDisposable
{
    private WebApplication? server;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var urls = options.Value.Listeners();
        if (urls.Count == 0)
        {
            return;
        }

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls([.. urls.Select(u => u.GetLeftPart(UriPartial.Authority))]);
        server = builder.Build();
        server.UseOpenTelemetryPrometheusScrapingEndpoint(
            meterProvider: meters, predicate: null, path: TelemetryExtensions.ScrapePath, configureBranchedPipeline: null, optionsName: null);
        server.Run(http =>
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        await server.StartAsync(cancellationToken).ConfigureAwait(false);
        LogListening(logger, string.Join(", ", urls));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (server is not null)
        {
            await server.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync().ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Metrics for Prometheus on {Urls} at /metrics")]
    private static partial void LogListening(ILogger logger, string urls);
}

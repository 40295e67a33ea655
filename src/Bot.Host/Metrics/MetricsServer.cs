using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace CodeCube.Host.Metrics;

/// <summary>
/// A second, minimal Kestrel server that serves only <c>GET /metrics</c> on Metrics:Urls. Being its own server (not a
/// second address of the public one) means no public route, middleware or Host header can ever reach the metrics,
/// and the public site has no /metrics at all.
/// </summary>
internal sealed class MetricsServer(
    IOptions<MetricsOptions> options, MeterProvider meters, ILogger<MetricsServer> logger) : IHostedService, IAsyncDisposable
{
    private WebApplication? _server;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var urls = options.Value.Listeners();
        if (urls.Count == 0)
        {
            return;
        }

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls([.. urls.Select(u => u.GetLeftPart(UriPartial.Authority))]);
        _server = builder.Build();
        _server.UseOpenTelemetryPrometheusScrapingEndpoint(
            meterProvider: meters, predicate: null, path: TelemetryExtensions.ScrapePath, configureBranchedPipeline: null, optionsName: null);
        _server.Run(http =>
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        await _server.StartAsync(cancellationToken).ConfigureAwait(false);
        logger.MetricsListening(string.Join(", ", urls));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not null)
        {
            await _server.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }
    }
}

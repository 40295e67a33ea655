using CodeCube.Adapters;
using CodeCube.Core;
using CodeCube.Host.Admin;
using CodeCube.Host.Metrics;
using CodeCube.Host.Runs;
using CodeCube.Host.Storage;
using CodeCube.Host.Web;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace CodeCube.Host;

public static class HostingExtensions
{
    public static WebApplicationBuilder AddCodeCube(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // appsettings.json lives at the repository root and is copied next to the binaries. It goes first, as the
        // weakest source, so environment variables (secrets) and the command line override its defaults.
        if (File.Exists(Path.Combine(AppContext.BaseDirectory, "appsettings.json")))
        {
            builder.Configuration.Sources.Insert(0, new JsonConfigurationSource
            {
                Path = "appsettings.json",
                Optional = true,
                FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
            });
        }

        // Every background loop (reaper, pool, chat pumps, adapters) logs and retries its own failures; should one
        // still escape, it is logged by the host and the web, the API and the other loops keep going.
        builder.Services.Configure<HostOptions>(o => o.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.Ignore);
        builder.AddCodeCubeTelemetry();
        builder.Services
            .AddCodeCubeCore(builder.Configuration)
            .AddRunQueue(builder.Configuration)
            .AddChatAdapters(builder.Configuration)
            .AddRedisStorage(builder.Configuration)
            .AddCodeCubeWeb(builder.Configuration)
            .AddCodeCubeAdmin(builder.Configuration);
        return builder;
    }

    public static WebApplication MapCodeCube(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseCodeCubeWeb();
        app.MapCodeCubeAdmin();
        // The Events API request URL; it answers 404 unless Slack runs in EventsApi mode.
        app.MapSlackEvents();
        app.MapWorkers();
        return app;
    }
}

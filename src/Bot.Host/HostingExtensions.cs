using CodeCube.Adapters;
using CodeCube.Core;
using CodeCube.Sandbox;

namespace CodeCube.Host;

public static class HostingExtensions
{
    public static WebApplicationBuilder AddCodeCube(this WebApplicationBuilder builder)
    {
        // appsettings.json lives at the repository root and is copied next to the binaries.
        builder.Configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true);
        builder.Services
            .AddCodeCubeCore(builder.Configuration)
            .AddDockerSandbox(builder.Configuration)
            .AddChatAdapters(builder.Configuration);
        return builder;
    }

    public static WebApplication MapCodeCube(this WebApplication app) => app;
}

using CodeCube.Host.Runs;
using CodeCube.Sandbox.Docker;

namespace CodeCube.Host.Cli;

/// <summary>
/// `codecube worker`: a sandbox worker and nothing else (no chat, no web): the Docker sandbox with its warm pool and
/// reaper, taking runs from the Redis Stream until SIGTERM. Refuses to start when an image it needs is missing.
/// </summary>
internal static class CliWorker
{
    public static async Task<int> RunAsync(
        IReadOnlyList<string> args, TextWriter stderr, Action<IConfigurationBuilder>? configure, CancellationToken ct)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [.. args],
            ContentRootPath = AppContext.BaseDirectory,
        });
        configure?.Invoke(builder.Configuration);
        builder.Services.AddRunWorker(builder.Configuration);
        using var host = builder.Build();

        var missing = await host.Services.GetRequiredService<SandboxImages>().MissingAsync(ct).ConfigureAwait(false);
        if (missing.Count > 0)
        {
            await stderr.WriteLineAsync("codecube worker: not starting, this machine lacks sandbox images (run images/build.sh):")
                .ConfigureAwait(false);
            foreach (var line in missing)
            {
                await stderr.WriteLineAsync($"  {line}").ConfigureAwait(false);
            }

            return CliApp.SandboxFailed;
        }

        await host.RunAsync(ct).ConfigureAwait(false);
        return 0;
    }
}

using CodeCube.Core.Contracts;
using CodeCube.Sandbox;
using Microsoft.Extensions.Options;

namespace CodeCube.Host.Cli;

/// <summary>
/// The `codecube` command line: `run FILE ...`, `languages`, `discord-invite`, `worker` (see <see cref="CliWorker"/>),
/// `doctor` and `admin ...`. It builds only the services a verb needs (no web host): configuration from
/// appsettings.json next to the binaries and from environment variables.
/// </summary>
public static class CliApp
{
    /// <summary>Exit code for bad usage and unknown languages.</summary>
    public const int UsageError = 2;

    /// <summary>Exit code when the sandbox itself failed (engine down, image missing).</summary>
    public const int SandboxFailed = 3;

    public static bool IsCliVerb(string[] args) =>
        args is ["run", ..] or ["languages", ..] or ["discord-invite", ..] or ["worker", ..] or ["doctor", ..]
            or ["admin", ..];

    public static Task<int> RunAsync(string[] args) =>
        RunAsync(args, Console.Out, Console.Error, configure: null, CancellationToken.None);

    /// <summary>Runs one verb writing to the given writers; <paramref name="configure"/> adds configuration (tests).</summary>
    public static async Task<int> RunAsync(
        string[] args,
        TextWriter stdout,
        TextWriter stderr,
        Action<IConfigurationBuilder>? configure,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(args);
        switch (args)
        {
            case ["discord-invite", ..]:
                // Needs only the Discord settings, not the sandbox.
                return CliDiscordInvite.Run(CliServices.Configuration(configure), stdout, stderr);
            case ["doctor", ..]:
                return await CliDoctor.RunAsync(CliServices.Configuration(configure), stdout, ct).ConfigureAwait(false);
            case ["admin", .. var words]:
                return await CliAdmin.RunAsync(words, CliServices.Configuration(configure), stdout, stderr, ct).ConfigureAwait(false);
        }

        try
        {
            if (args is ["worker", .. var workerArgs])
            {
                return await CliWorker.RunAsync(workerArgs, stderr, configure, ct).ConfigureAwait(false);
            }

            var services = CliServices.Build(configure);
            await using (services.ConfigureAwait(false))
            {
                return args switch
                {
                    ["languages", ..] => Languages(services.GetRequiredService<ILanguageRegistry>(), stdout),
                    ["run", .. var rest] => await CliRun.RunAsync(rest, services, stdout, stderr, ct).ConfigureAwait(false),
                    _ => Usage(stderr, $"unknown verb '{args.FirstOrDefault()}'"),
                };
            }
        }
        catch (Exception e) when (e is OptionsValidationException or DirectoryNotFoundException
            or InvalidDataException or System.Text.Json.JsonException)
        {
            await stderr.WriteLineAsync($"codecube: {e.Message}").ConfigureAwait(false);
            return SandboxFailed;
        }
    }

    internal static int Usage(TextWriter stderr, string problem)
    {
        stderr.WriteLine($"codecube: {problem}");
        stderr.WriteLine(RunArguments.Usage);
        return UsageError;
    }

    private static int Languages(ILanguageRegistry registry, TextWriter stdout)
    {
        var rows = registry.All
            .Select(l => (l.Id, l.Version, l.Kind, Aliases: string.Join(", ", l.Aliases), Ext: string.Join(" ", l.Extensions)))
            .ToList();
        var idWidth = Math.Max(8, rows.Max(r => r.Id.Length) + 2);
        var versionWidth = Math.Max(9, rows.Max(r => r.Version.Length) + 2);
        var kindWidth = Math.Max(6, rows.Max(r => r.Kind.Length) + 2);
        stdout.WriteLine($"{"LANGUAGE".PadRight(idWidth)}{"VERSION".PadRight(versionWidth)}{"KIND".PadRight(kindWidth)}ALIASES  (EXTENSIONS)");
        foreach (var row in rows)
        {
            stdout.WriteLine($"{row.Id.PadRight(idWidth)}{row.Version.PadRight(versionWidth)}{row.Kind.PadRight(kindWidth)}{row.Aliases}  ({row.Ext})");
        }

        return 0;
    }
}

using CodeCube.Core.Diagnostics;
using CodeCube.Sandbox.Diagnostics;
using Microsoft.Extensions.Options;

namespace CodeCube.Host.Cli;

/// <summary>
/// <c>codecube doctor</c>: checks what a machine needs to run CodeCube and prints, for each problem, what to do.
/// Exit 0 when nothing blocks running (warnings allowed), 1 otherwise.
/// </summary>
internal static class CliDoctor
{
    public const int Blocked = 1;

    public static async Task<int> RunAsync(IConfiguration configuration, TextWriter stdout, CancellationToken ct)
    {
        var findings = new List<Finding>();
        findings.AddRange(await SandboxAsync(configuration, ct).ConfigureAwait(false));
        findings.AddRange(await DoctorChecks.RedisAsync(configuration["Redis:Configuration"]).ConfigureAwait(false));
        var chat = DoctorChecks.ChatPlatforms(configuration);
        var chatConfigured = chat.Any(f => f.Check != "chat");
        findings.Add(DoctorChecks.PublicBaseUrl(configuration["Web:PublicBaseUrl"] ?? "http://127.0.0.1:8080", chatConfigured));
        findings.AddRange(chat);

        foreach (var f in findings)
        {
            var mark = f.Level switch { FindingLevel.Ok => " ok ", FindingLevel.Warning => "warn", _ => "FAIL" };
            await stdout.WriteLineAsync($"[{mark}] {f.Check}: {f.Detail}").ConfigureAwait(false);
            if (f.Fix is not null)
            {
                await stdout.WriteLineAsync($"       fix: {f.Fix}").ConfigureAwait(false);
            }
        }

        var blocking = findings.Count(f => f.Level == FindingLevel.Blocking);
        var warnings = findings.Count(f => f.Level == FindingLevel.Warning);
        await stdout.WriteLineAsync(blocking > 0
            ? $"{blocking} problem(s) block running CodeCube; {warnings} warning(s)."
            : $"Ready to run; {warnings} warning(s).").ConfigureAwait(false);
        return blocking > 0 ? Blocked : 0;
    }

    private static async Task<IReadOnlyList<Finding>> SandboxAsync(IConfiguration configuration, CancellationToken ct)
    {
        try
        {
            var services = CliServices.Build(configuration);
            await using var disposeServices = services.ConfigureAwait(false);
            return await services.GetRequiredService<EngineDoctor>().CheckAsync(ct).ConfigureAwait(false);
        }
        catch (DirectoryNotFoundException e)
        {
            return [Finding.Block("images", e.Message, "run from the repository, or set Sandbox__ImagesDirectory / CODECUBE_IMAGES_DIR")];
        }
        catch (Exception e) when (e is OptionsValidationException or InvalidDataException or System.Text.Json.JsonException)
        {
            return [Finding.Block("sandbox", e.Message, "fix the Sandbox__* setting it names")];
        }
    }
}

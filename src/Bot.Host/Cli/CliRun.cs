using System.Text;
using CodeCube.Core.Contracts;

namespace CodeCube.Host.Cli;

/// <summary>`codecube run`: the program's stdout to stdout, its stderr to stderr, its exit code as ours.</summary>
internal static class CliRun
{
    public static async Task<int> RunAsync(
        IReadOnlyList<string> words, IServiceProvider services, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var parsed = RunArguments.Parse(words, out var error);
        if (parsed is null)
        {
            return CliApp.Usage(stderr, error ?? "bad arguments");
        }

        if (!File.Exists(parsed.File))
        {
            return CliApp.Usage(stderr, $"no such file: {parsed.File}");
        }

        var registry = services.GetRequiredService<ILanguageRegistry>();
        var wanted = parsed.Language ?? Path.GetExtension(parsed.File);
        if (string.IsNullOrEmpty(wanted) || !registry.TryResolve(wanted, out var language))
        {
            return UnknownLanguage(stderr, registry, wanted, parsed.File);
        }

        string stdin;
        try
        {
            stdin = parsed.StdinFile is { } path
                ? await File.ReadAllTextAsync(path, Encoding.UTF8, ct).ConfigureAwait(false)
                : parsed.Stdin ?? "";
        }
        catch (IOException e)
        {
            return CliApp.Usage(stderr, $"cannot read stdin file: {e.Message}");
        }

        var code = await File.ReadAllTextAsync(parsed.File, Encoding.UTF8, ct).ConfigureAwait(false);
        var sandbox = services.GetRequiredService<ISandbox>();
        var result = await sandbox.RunAsync(new RunRequest(language.Id, code, stdin, parsed.ProgramArgs), null, ct)
            .ConfigureAwait(false);

        if (parsed.Json)
        {
            await stdout.WriteLineAsync(CliJsonResult.From(result).ToJson()).ConfigureAwait(false);
        }
        else
        {
            await stdout.WriteAsync(result.Stdout).ConfigureAwait(false);
            await stderr.WriteAsync(result.Stderr).ConfigureAwait(false);
            var note = Explain(result);
            if (note is not null)
            {
                await stderr.WriteLineAsync($"codecube: {note}").ConfigureAwait(false);
            }
        }

        await stdout.FlushAsync(ct).ConfigureAwait(false);
        return ExitCode(result);
    }

    /// <summary>The program's own exit code when it ran; otherwise a fixed code per outcome.</summary>
    internal static int ExitCode(RunResult result) => result.Outcome switch
    {
        RunOutcome.Completed => result.ExitCode ?? 0,
        RunOutcome.CompileError => 1,
        RunOutcome.TimedOut => 124,
        RunOutcome.MemoryLimit => 137,
        RunOutcome.OutputLimit => 1,
        _ => CliApp.SandboxFailed,
    };

    private static string? Explain(RunResult result) => result.Outcome switch
    {
        RunOutcome.Completed when result.Signal is { } signal => $"killed by signal {signal}",
        RunOutcome.Completed or RunOutcome.CompileError => null,
        RunOutcome.SandboxError => $"sandbox error: {result.Detail}",
        _ => $"{result.Outcome.ToWire().Replace('_', ' ')}: {result.Detail}",
    };

    private static int UnknownLanguage(TextWriter stderr, ILanguageRegistry registry, string wanted, string file)
    {
        if (string.IsNullOrEmpty(wanted))
        {
            return CliApp.Usage(stderr, $"cannot tell the language of {file}: use --lang ID");
        }

        var close = registry.Suggest(wanted);
        var hint = close.Count > 0
            ? $"; close matches: {string.Join(", ", close)}"
            : $"; known: {string.Join(", ", registry.All.Select(l => l.Id))}";
        return CliApp.Usage(stderr, $"unknown language '{wanted}'{hint}");
    }
}

namespace CodeCube.Host.Tests.Infrastructure;

/// <summary>
/// Test double for the Docker sandbox (the lead swaps in the real one after merging). It "runs" a tiny script:
/// each line <c>print X</c> writes X to stdout, <c>eprint X</c> to stderr, <c>exit N</c> sets the exit code, and
/// <c>input</c> echoes stdin, <c>timeout</c> ends the run as killed at its 10 s limit; a literal <c>\e</c> in printed text becomes ESC, so a test can type ANSI colours. Every line is reported as its own chunk, after <see cref="ChunkDelay"/>; when
/// <see cref="HoldAfterFirstChunk"/> is set, the run waits for it after the first chunk, so a test can see
/// output arrive while the program is still running.
/// </summary>
public sealed class ScriptedSandbox(ILanguageRegistry languages) : ISandbox
{
    private int _runs;

    public TimeSpan ChunkDelay { get; set; } = TimeSpan.Zero;

    public SemaphoreSlim? HoldAfterFirstChunk { get; set; }

    public int Runs => Volatile.Read(ref _runs);

    public async Task<RunResult> RunAsync(RunRequest request, IProgress<OutputChunk>? progress, CancellationToken ct)
    {
        Interlocked.Increment(ref _runs);
        languages.TryResolve(request.Language, out var language);
        var stdout = new System.Text.StringBuilder();
        var stderr = new System.Text.StringBuilder();
        int? exit = 0;
        var outcome = RunOutcome.Completed;
        var chunks = 0;
        // Indentation is ignored: the playground's editor indents a line typed after an open bracket.
        foreach (var line in request.Code.Split('\n').Select(l => l.TrimStart()))
        {
            var (target, stream, text) = line switch
            {
                _ when line.StartsWith("print ", StringComparison.Ordinal) => (stdout, OutputStream.Stdout, Escapes(line[6..]) + "\n"),
                _ when line.StartsWith("eprint ", StringComparison.Ordinal) => (stderr, OutputStream.Stderr, Escapes(line[7..]) + "\n"),
                "input" => (stdout, OutputStream.Stdout, request.Stdin),
                _ => (null, OutputStream.Stdout, ""),
            };
            if (line == "timeout")
            {
                (outcome, exit) = (RunOutcome.TimedOut, null);
            }

            if (line.StartsWith("exit ", StringComparison.Ordinal))
            {
                exit = int.Parse(line[5..], System.Globalization.CultureInfo.InvariantCulture);
            }

            if (target is null || text.Length == 0)
            {
                continue;
            }

            if (ChunkDelay > TimeSpan.Zero)
            {
                await Task.Delay(ChunkDelay, ct);
            }

            target.Append(text);
            progress?.Report(new OutputChunk(stream, text));
            if (++chunks == 1 && HoldAfterFirstChunk is { } hold)
            {
                await hold.WaitAsync(ct);
            }
        }

        return new RunResult(language.Id, language.Version, outcome, exit, null,
            stdout.ToString(), stderr.ToString(), 42, false, Limits);
    }

    private static readonly AppliedLimits Limits = new(10_000, 10_000, 256L * 1024 * 1024, 64 * 1024);

    private static string Escapes(string text) => text.Replace("\\e", "\u001b", StringComparison.Ordinal);
}

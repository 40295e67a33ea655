using CodeCube.Core.Replies;
using static CodeCube.Core.Tests.Replies.FormatterTestData;

namespace CodeCube.Core.Tests.Replies;

public sealed class FooterTests
{
    public static TheoryData<string, RunResult, string> Outcomes { get; } = new()
    {
        { "exit code", Result("x", exit: 1), "python 3.11.2 · exit 1 · 43 ms · " },
        { "signal", Result("x", exit: 139, signal: 11), "python 3.11.2 · killed by signal 11 (SIGSEGV) · 43 ms · " },
        { "compile error", Result("", "main.c:1: error", RunOutcome.CompileError, exit: 1), "python 3.11.2 · compile error · 43 ms · " },
        { "timeout", Result("", outcome: RunOutcome.TimedOut, exit: null, wallMs: 10_012), "python 3.11.2 · killed after 10 s: still running · 10.01 s · " },
        { "memory", Result("", outcome: RunOutcome.MemoryLimit, exit: null, wallMs: 800), "python 3.11.2 · killed: used more than 256 MiB · 800 ms · " },
        { "output limit", Result("yyyy", outcome: RunOutcome.OutputLimit, exit: null, truncated: true), "python 3.11.2 · output cut at 64 KiB, program killed · 43 ms · " },
        { "sandbox error", Result("", outcome: RunOutcome.SandboxError, exit: null, wallMs: 0, detail: "image codecube/python missing: run images/build.sh"),
            "python 3.11.2 · sandbox error: image codecube/python missing: run images/build.sh · " },
        { "cut without the output limit", Result("x", truncated: true), "python 3.11.2 · exit 0 · 43 ms · output cut · " },
        { "seconds", Result("x", wallMs: 1500), "python 3.11.2 · exit 0 · 1.5 s · " },
    };

    [Theory]
    [MemberData(nameof(Outcomes))]
    public void Footer_says_how_the_run_ended(string name, RunResult result, string expected)
    {
        var lines = new ReplyFormatter().Format(result, Link, Irc()).Text.Split('\n');

        Assert.True(lines[^1] == expected + Link, $"{name}: {lines[^1]}");
    }

    [Fact]
    public void Footer_says_when_a_result_came_from_the_cache()
    {
        var text = new ReplyFormatter().Format(Result("x"), Link, Irc(), fromCache: true).Text;

        Assert.EndsWith($"exit 0 · 43 ms · cached · {Link}", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Timeout_without_known_limits_still_explains_the_kill()
    {
        var result = Result("", outcome: RunOutcome.TimedOut, exit: null) with { Limits = null };

        Assert.Contains("killed: time limit reached, still running", new ReplyFormatter().Format(result, Link, Discord()).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Sandbox_detail_is_escaped_on_discord()
    {
        var result = Result("", outcome: RunOutcome.SandboxError, exit: null, detail: "engine said @everyone *boom*\nsecond line");

        var text = new ReplyFormatter().Format(result, Link, Discord()).Text;

        Assert.Contains("sandbox error: engine said @\u200Beveryone \\*boom\\* second line", text, StringComparison.Ordinal);
        Assert.DoesNotContain("(no output)", text, StringComparison.Ordinal);
    }
}

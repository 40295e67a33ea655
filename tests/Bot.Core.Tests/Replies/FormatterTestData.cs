namespace CodeCube.Core.Tests.Replies;

internal static class FormatterTestData
{
    public const string Link = "https://cc.example/s/AbCdEf123456";

    public static readonly AppliedLimits Limits = new(10_000, 10_000, 256L * 1024 * 1024, 64 * 1024);

    public static ChatCapabilities Irc(int maxLines = 5, int maxLineBytes = 400) =>
        new(TextMarkup.Plain, 4000, maxLines, maxLineBytes, false, false, false);

    public static ChatCapabilities Discord(bool uploads = false, int maxLines = 20) =>
        new(TextMarkup.DiscordMarkdown, 2000, maxLines, 2000, true, uploads, true);

    public static ChatCapabilities Slack(bool uploads = false) =>
        new(TextMarkup.SlackMrkdwn, 3900, 30, 3900, true, uploads, true);

    public static RunResult Result(string stdout, string stderr = "", RunOutcome outcome = RunOutcome.Completed,
        int? exit = 0, int? signal = null, long wallMs = 43, string? detail = null, bool truncated = false) =>
        new("python", "3.11.2", outcome, exit, signal, stdout, stderr, wallMs, truncated, Limits, detail);

    public static string Lines(int count, string prefix = "line ") =>
        string.Join('\n', Enumerable.Range(1, count).Select(i => prefix + i)) + "\n";

    /// <summary>Throws on a lone surrogate, which is what a cut inside a character would leave.</summary>
    public static int StrictUtf8Bytes(string text) => new UTF8Encoding(false, throwOnInvalidBytes: true).GetByteCount(text);

    /// <summary>Runs of at least three backticks: the fences in a reply.</summary>
    public static int FenceCount(string text) =>
        System.Text.RegularExpressions.Regex.Matches(text, "`{3,}").Count;
}

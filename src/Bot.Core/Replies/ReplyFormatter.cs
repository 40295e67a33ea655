using System.Text;
using CodeCube.Core.Chat;
using CodeCube.Core.Contracts;
using CodeCube.Core.Running;

namespace CodeCube.Core.Replies;

/// <summary>Reply text and, for long output on platforms with uploads, the full output as a file.</summary>
public sealed record FormattedReply(string Text, ReplyAttachment? Attachment = null)
{
    public OutgoingReply To(Conversation where, string? replyToMessageId) =>
        new(where, Text, replyToMessageId, Attachment);
}

/// <summary>
/// Turns a run into reply text for one platform. A pure function of the result, the permalink and the platform's
/// <see cref="ChatCapabilities"/>: program output is data, so it is shown in a code block whose fence it cannot
/// break (Discord, Slack) or as plain lines without control characters (IRC), mentions never ping, and every run
/// reply ends with a footer carrying the permalink.
/// </summary>
public sealed class ReplyFormatter
{
    public const string StderrSeparator = "--- stderr ---";
    public const string NoOutput = "(no output)";
    private const int PreviewLinesWithAttachment = 10;
    private const int MinPartialLineChars = 16;

    public FormattedReply Format(RunRecord record, ChatCapabilities capabilities) =>
        Format(record.Result, record.Permalink, capabilities, record.FromCache);

    public FormattedReply Format(RunResult result, string permalink, ChatCapabilities capabilities, bool fromCache = false)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(capabilities);
        var output = CombinedOutput(result);
        var footer = RunFooter.Pieces(result, fromCache);
        var sandboxError = result.Outcome == RunOutcome.SandboxError;
        return capabilities.Markup == TextMarkup.Plain
            ? PlainLines.Run(output, footer, permalink, capabilities, sandboxError)
            : FormatMarkdown(output, footer, permalink, capabilities, sandboxError);
    }

    /// <summary>
    /// The outcome in the words chat replies use, naming the limit a kill hit: "exit 3", "killed after 10 s: still
    /// running", "killed: used more than 256 MiB". Unescaped: the sandbox's detail is not ours to trust.
    /// </summary>
    public static string DescribeOutcome(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return RunFooter.Outcome(result);
    }

    /// <summary>A message of ours (help, errors, busy) that may quote user words: escaped and cut to fit.</summary>
    public string FormatNotice(string text, ChatCapabilities capabilities)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(capabilities);
        if (capabilities.Markup == TextMarkup.Plain)
        {
            return PlainLines.Notice(text, capabilities);
        }

        var escaped = Escaping.Text(OutputText.Sanitize(text, expandTabs: false), capabilities.Markup);
        return escaped.Length <= capabilities.MaxMessageChars
            ? escaped
            : OutputText.CutAt(escaped, capabilities.MaxMessageChars - 1) + "…";
    }

    /// <summary>Stdout, then stderr under a separator line when both have something.</summary>
    public static string CombinedOutput(RunResult result)
    {
        var stdout = TrimFinalNewline(result.Stdout);
        var stderr = TrimFinalNewline(result.Stderr);
        if (stdout.Length == 0 || stderr.Length == 0)
        {
            return stdout + stderr;
        }

        return $"{stdout}\n{StderrSeparator}\n{stderr}";
    }

    private static FormattedReply FormatMarkdown(
        string output, List<string> footerPieces, string permalink, ChatCapabilities caps, bool sandboxError)
    {
        var footer = string.Join(RunFooter.Separator, footerPieces.Select(p =>
            Escaping.Text(OutputText.Sanitize(p, expandTabs: true).Replace('\n', ' '), caps.Markup)));
        footer += RunFooter.Separator + (permalink.Length == 0
            ? Escaping.Text(RunFooter.NotSaved, caps.Markup)
            : Escaping.Link(permalink, caps.Markup));

        if (output.Length == 0)
        {
            var empty = sandboxError ? footer : $"{NoOutput}\n{footer}";
            return new FormattedReply(OutputText.CutAt(empty, caps.MaxMessageChars));
        }

        var maxLines = Math.Max(caps.MaxOutputLines, 1);
        var (head, totalLines) = Head(output, maxLines, caps.MaxMessageChars);
        // Discord colours ANSI in ```ansi blocks (whitelisted codes only); Slack cannot, so there they go.
        var coloured = false;
        head = caps.Markup == TextMarkup.DiscordMarkdown ? AnsiText.ForDiscord(head, out coloured) : AnsiText.Strip(head);
        var lines = OutputText.Sanitize(head, expandTabs: false, keepEscapes: coloured).Split('\n');
        var open = coloured ? "```ansi\n" : "```\n";
        var text = Compose(lines, totalLines, maxLines, footer, caps, open, attached: false, out var truncated);
        ReplyAttachment? attachment = null;
        if (truncated && caps.SupportsUploads)
        {
            attachment = new ReplyAttachment("output.txt", "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(output));
            text = Compose(lines, totalLines, Math.Min(maxLines, PreviewLinesWithAttachment), footer, caps, open, attached: true, out _);
        }

        return new FormattedReply(text, attachment);
    }

    private static string Compose(string[] lines, int totalLines, int maxLines, string footer, ChatCapabilities caps,
        string open, bool attached, out bool truncated)
    {
        const string Close = "\n```\n";
        const int MarkerReserve = 64;
        var budget = caps.MaxMessageChars - open.Length - Close.Length - footer.Length - MarkerReserve;

        var body = new StringBuilder();
        var shown = 0;
        var partial = false;
        foreach (var line in lines)
        {
            if (shown == maxLines)
            {
                break;
            }

            var escaped = Escaping.Code(line, caps.Markup);
            var needed = escaped.Length + (shown > 0 ? 1 : 0);
            if (needed > budget - body.Length)
            {
                var room = budget - body.Length - (shown > 0 ? 1 : 0);
                if (room >= MinPartialLineChars)
                {
                    body.Append(shown > 0 ? "\n" : "").Append(OutputText.CutAt(escaped, room));
                    partial = true;
                }

                break;
            }

            body.Append(shown > 0 ? "\n" : "").Append(escaped);
            shown++;
        }

        var hidden = totalLines - shown;
        truncated = hidden > 0;
        var marker = truncated ? Marker(hidden, partial) + (attached ? AttachedTail : LinkTail) + "\n" : "";
        var text = body.Length == 0 ? marker + footer : open + body + Close + marker + footer;
        return OutputText.CutAt(text, caps.MaxMessageChars);
    }

    /// <summary>
    /// The part of the output a reply can possibly show (at most maxLines + 1 lines and maxChars + 1 characters, so
    /// that anything beyond still reads as cut) and the output's total line count. Keeps formatting cost bounded by
    /// the reply's size instead of the output's.
    /// </summary>
    internal static (string Head, int TotalLines) Head(string output, int maxLines, int maxChars)
    {
        var totalLines = output.AsSpan().Count('\n') + 1;
        var end = output.Length;
        var newline = -1;
        for (var seen = 0; seen <= maxLines; seen++)
        {
            newline = output.IndexOf('\n', newline + 1);
            if (newline < 0)
            {
                break;
            }

            end = newline;
        }

        if (newline < 0)
        {
            end = output.Length;
        }

        end = Math.Min(end, maxChars + 1);
        if (end < output.Length && end > 0 && char.IsHighSurrogate(output[end - 1]))
        {
            end--;
        }

        return (output[..end], totalLines);
    }

    internal const string AttachedTail = " (full output attached)";
    internal const string LinkTail = " (full output at the link)";

    /// <summary>"… 12 more lines", or, when the last line shown was cut, "… line cut, 11 more after it".</summary>
    internal static string Marker(int hiddenLines, bool partial) => partial
        ? hiddenLines == 1 ? "… rest of the line cut" : $"… line cut, {hiddenLines - 1} more after it"
        : $"… {hiddenLines} more line{(hiddenLines == 1 ? "" : "s")}";

    private static string TrimFinalNewline(string text) => text.EndsWith('\n') ? text[..^1] : text;
}

using System.Text;
using CodeCube.Core.Chat;

namespace CodeCube.Core.Replies;

/// <summary>
/// Replies for <see cref="TextMarkup.Plain"/> (IRC): lines joined by '\n', each at most MaxLineBytes UTF-8 bytes
/// and free of control characters, at most MaxOutputLines lines of output plus the footer.
/// </summary>
internal static class PlainLines
{
    public static FormattedReply Run(
        string output, List<string> footerPieces, string permalink, ChatCapabilities caps, bool sandboxError)
    {
        var lines = new List<string>();
        if (output.Length > 0)
        {
            AddOutput(lines, output, Math.Max(caps.MaxOutputLines, 1), caps.MaxLineBytes);
        }
        else if (!sandboxError)
        {
            AddWrapped(lines, ReplyFormatter.NoOutput, caps.MaxLineBytes);
        }

        var footer = string.Join(RunFooter.Separator, footerPieces.Append(permalink.Length == 0 ? RunFooter.NotSaved : permalink));
        AddWrapped(lines, OutputText.Sanitize(footer, expandTabs: true).Replace('\n', ' '), caps.MaxLineBytes);
        return new FormattedReply(string.Join('\n', lines));
    }

    public static string Notice(string text, ChatCapabilities caps)
    {
        var lines = new List<string>();
        foreach (var line in OutputText.Sanitize(text, expandTabs: true).Split('\n'))
        {
            AddWrapped(lines, line.Length == 0 ? " " : line, caps.MaxLineBytes);
        }

        var max = Math.Max(caps.MaxOutputLines, 1);
        if (lines.Count > max)
        {
            lines.RemoveRange(max, lines.Count - max);
            var last = lines[^1];
            lines[^1] = OutputText.SplitUtf8(last, caps.MaxLineBytes - 3)[0] + "…";
        }

        return string.Join('\n', lines);
    }

    private static void AddOutput(List<string> lines, string output, int maxLines, int maxLineBytes)
    {
        // (piece, index of the source line, is the source line's last piece)
        var pieces = new List<(string Text, int Source, bool Last)>();
        var (head, totalLines) = ReplyFormatter.Head(output, maxLines, maxLines * Math.Max(maxLineBytes, 4));
        var source = OutputText.Sanitize(AnsiText.Strip(head), expandTabs: true).Split('\n');
        for (var i = 0; i < source.Length && pieces.Count <= maxLines; i++)
        {
            // IRC cannot send an empty line; a space keeps the blank line visible.
            var line = source[i].Length == 0 ? " " : source[i];
            var split = OutputText.SplitUtf8(line, maxLineBytes, guardStarts: true);
            for (var j = 0; j < split.Count; j++)
            {
                pieces.Add((split[j], i, j == split.Count - 1));
            }
        }

        var fits = head.Length == output.Length && pieces.Count <= maxLines;
        // Stripped escape sequences can leave fewer pieces than the head's length promised.
        var keep = fits ? pieces.Count : Math.Min(maxLines - 1, pieces.Count);
        var fullyShown = 0;
        for (var k = 0; k < keep; k++)
        {
            lines.Add(pieces[k].Text);
            if (pieces[k].Last)
            {
                fullyShown++;
            }
        }

        if (!fits)
        {
            var partial = keep > 0 && !pieces[keep - 1].Last;
            // The marker takes exactly one line: the long form if it fits, else the short one, cut if need be.
            var marker = ReplyFormatter.Marker(totalLines - fullyShown, partial);
            if (Encoding.UTF8.GetByteCount(marker + ReplyFormatter.LinkTail) <= maxLineBytes)
            {
                marker += ReplyFormatter.LinkTail;
            }

            lines.Add(OutputText.SplitUtf8(marker, maxLineBytes, guardStarts: true)[0]);
        }
    }

    private static void AddWrapped(List<string> lines, string line, int maxLineBytes) =>
        lines.AddRange(OutputText.SplitUtf8(line, maxLineBytes, guardStarts: true));
}

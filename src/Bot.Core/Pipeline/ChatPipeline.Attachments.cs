using System.Text;
using CodeCube.Core.Attachments;
using CodeCube.Core.Chat;
using CodeCube.Core.Commands;
using CodeCube.Core.Replies;

namespace CodeCube.Core.Pipeline;

/// <summary>
/// Code from an attached file: Discord caps a message at 2,000 characters, so longer code arrives as a file. A
/// <c>!run [language] [args...]</c> without a code block, on a message with a file, runs the first file; the
/// language comes from the words, else from the file's extension. The declared size is checked before the download
/// and the adapter stops reading past the limit; a file that is not UTF-8 text is refused with one line.
/// </summary>
public sealed partial class ChatPipeline
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The message's command, with an attached file as its code where that applies.</summary>
    private async Task<Command> ParseAsync(IChatAdapter adapter, IncomingMessage message, CancellationToken ct)
    {
        if (message.Files is { Count: > 0 } files && adapter is IFileSource source
            && parser.RunWordsWithoutCode(message.Text) is { } words)
        {
            return await FromFileAsync(source, files[0], words, ct).ConfigureAwait(false);
        }

        return parser.Parse(message, adapter.Capabilities.Markup);
    }

    private async Task<Command> FromFileAsync(
        IFileSource source, ChatFile file, IReadOnlyList<string> words, CancellationToken ct)
    {
        var name = Words.Clip(file.Name);
        var max = limits.Value.MaxCodeBytes;
        if (file.DeclaredBytes > max)
        {
            return new Command.ParseError($"{name} is {ByteSize.Format(file.DeclaredBytes)}; the limit is {ByteSize.Format(max)}");
        }

        var named = words.Count > 0 && languages.TryResolve(words[0], out var first) ? first.Id : null;
        var language = named ?? (languages.TryResolve(Path.GetExtension(file.Name), out var byExtension) ? byExtension.Id : null);
        if (language is null)
        {
            return new Command.ParseError(
                $"I cannot tell the language of {name}; name it: {options.Value.Prefix}run <language>");
        }

        var download = await source.DownloadAsync(file, max, ct).ConfigureAwait(false);
        switch (download.Status)
        {
            case DownloadStatus.TooLarge:
                return new Command.ParseError($"{name} is larger than the limit of {ByteSize.Format(max)}");
            case DownloadStatus.NotAllowed or DownloadStatus.Failed:
                return new Command.ParseError($"I could not fetch {name}; please try again");
        }

        if (!TryText(download.Content, out var code))
        {
            return new Command.ParseError($"{name} is not a text file; attach source code");
        }

        return parser.FromFields(language, code, "", named is null ? words : words.Skip(1).ToList());
    }

    /// <summary>UTF-8 (a BOM is dropped) without NUL characters: what source code looks like, unlike binaries.</summary>
    private static bool TryText(byte[] bytes, out string text)
    {
        text = "";
        try
        {
            var span = bytes.AsSpan();
            if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                span = span[3..];
            }

            text = StrictUtf8.GetString(span);
            return !text.Contains('\0', StringComparison.Ordinal);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}

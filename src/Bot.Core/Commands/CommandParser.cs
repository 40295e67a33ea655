using System.Text;
using CodeCube.Core.Chat;
using CodeCube.Core.Contracts;
using CodeCube.Core.Options;
using CodeCube.Core.Replies;
using CodeCube.Core.Running;
using Microsoft.Extensions.Options;

namespace CodeCube.Core.Commands;

/// <summary>
/// Turns a chat message into a <see cref="Command"/>. Pure: no I/O, only the language registry and permalinks.
/// <list type="bullet">
/// <item><c>!run [lang] [args...]</c> followed by a ``` block. The language is the first word when it names one
/// (then the other words are args), else the block's tag (then all words are args). A second block, or a line
/// <c>stdin</c> followed by a block or plain text, is stdin.</item>
/// <item><c>!run lang code...</c> with no block anywhere: everything after the language is code (no args).</item>
/// <item>No code in the message: a block in the replied-to message is used (the words are then language and args),
/// else the whole replied-to text is the code.</item>
/// <item><c>!run &lt;snippet id or permalink&gt;</c> alone reruns a stored snippet; <c>!help</c>; <c>!langs</c>.</item>
/// </list>
/// On Slack (no fence tags exist) a block's first line names the language only when it is a known id or alias,
/// else it is code; elsewhere a one-word first line is a tag, as Markdown renders it.
/// A leading "Name:", "Name," or mention before the prefix is accepted. CRLF is read as LF.
/// </summary>
public sealed class CommandParser(
    ILanguageRegistry languages, IPermalinks permalinks, IOptions<PipelineOptions> options, IOptions<InputLimitsOptions> limits)
{
    private static readonly string[] PlainStdinTags = ["text", "txt", "stdin", "input", "plain", "plaintext"];

    private string Prefix => options.Value.Prefix;

    public Command Parse(IncomingMessage message, TextMarkup markup) =>
        Parse(message.Text, message.RepliedToText, markup);

    public Command Parse(string text, string? repliedToText = null, TextMarkup markup = TextMarkup.DiscordMarkdown)
    {
        var rest = Words.AfterPrefix(Words.NormalizeNewlines(text), Prefix);
        if (rest is null)
        {
            return new Command.NotACommand();
        }

        var verbLength = 0;
        while (verbLength < rest.Length && char.IsAsciiLetter(rest[verbLength]))
        {
            verbLength++;
        }

        if (verbLength < rest.Length && !char.IsWhiteSpace(rest[verbLength]) && rest[verbLength] != '`')
        {
            return new Command.NotACommand();
        }

        return rest[..verbLength].ToLowerInvariant() switch
        {
            "run" => ParseRun(rest[verbLength..], repliedToText is null ? null : Words.NormalizeNewlines(repliedToText), markup),
            "help" => new Command.Help(),
            "langs" or "languages" => new Command.Languages(),
            _ => new Command.NotACommand(),
        };
    }

    /// <summary>
    /// The words after <c>!run</c> when the message has no code block of its own, so that an attached file is the
    /// code and the words are its language and args; null when the text is not such a <c>!run</c>.
    /// </summary>
    public IReadOnlyList<string>? RunWordsWithoutCode(string text)
    {
        var rest = Words.AfterPrefix(Words.NormalizeNewlines(text), Prefix);
        if (rest is null || !rest.StartsWith("run", StringComparison.OrdinalIgnoreCase)
            || (rest.Length > 3 && !char.IsWhiteSpace(rest[3])) || rest.Contains("```", StringComparison.Ordinal))
        {
            return null;
        }

        return Words.Split(rest[3..]);
    }

    /// <summary>The usage line shown for <c>!run</c> without code.</summary>
    public string Usage =>
        $"usage: {Prefix}run <language> [args...] then a ```code block``` (a second block is stdin) | "
        + $"{Prefix}run <language> <one line of code> | {Prefix}run <snippet link> | {Prefix}langs lists languages";

    private Command ParseRun(string text, string? replied, TextMarkup markup)
    {
        var open = FencedBlock.FindOpening(text, 0);
        if (open >= 0)
        {
            return FromBlock(Words.Split(text[..open]), text, open, markup);
        }

        var (word, code) = Words.First(text);
        if (word is not null && code.Length == 0 && !languages.TryResolve(word, out _)
            && permalinks.TryParse(Words.Unbracket(word)) is { } id)
        {
            return new Command.RerunSnippet(id);
        }

        var replyOpen = replied is null ? -1 : FencedBlock.FindOpening(replied, 0);
        if (replyOpen >= 0)
        {
            return FromBlock(Words.Split(text), replied!, replyOpen, markup);
        }

        if (word is null)
        {
            return new Command.ParseError(Usage);
        }

        if (!languages.TryResolve(word, out var language))
        {
            return UnknownLanguage(word);
        }

        if (code.Length == 0 && !string.IsNullOrWhiteSpace(replied))
        {
            code = replied.Trim('\n').TrimEnd();
        }

        return code.Length == 0 ? new Command.ParseError(Usage) : MakeRun(language, code, "", []);
    }

    private Command FromBlock(List<string> words, string text, int open, TextMarkup markup)
    {
        var block = FencedBlock.Read(text, open);
        var body = block.Body;
        LanguageInfo? tagged = null;
        string? unknownTag = null;
        if (block.FirstLine is { } line)
        {
            if (languages.TryResolve(line, out var fromTag))
            {
                tagged = fromTag;
            }
            else if (markup == TextMarkup.SlackMrkdwn)
            {
                body = block.WholeBody;
            }
            else
            {
                unknownTag = line;
            }
        }

        LanguageInfo language;
        IReadOnlyList<string> args;
        if (words.Count > 0 && languages.TryResolve(words[0], out var named))
        {
            (language, args) = (named, words[1..]);
        }
        else if (tagged is not null)
        {
            (language, args) = (tagged, words);
        }
        else if (words.Count > 0 || unknownTag is not null)
        {
            return UnknownLanguage(words.Count > 0 ? words[0] : unknownTag!);
        }
        else
        {
            return new Command.ParseError(
                $"which language? write {Prefix}run python before the block, or tag it: ```python");
        }

        if (string.IsNullOrWhiteSpace(body))
        {
            return new Command.ParseError("the code block is empty");
        }

        return MakeRun(language, body, ReadStdin(text, block.End), args);
    }

    /// <summary>After the code block: a "stdin" line then a block or plain text, or simply a second block.</summary>
    private static string ReadStdin(string text, int from)
    {
        var at = from;
        while (at < text.Length && char.IsWhiteSpace(text[at]))
        {
            at++;
        }

        string stdin;
        if (IsStdinKeyword(text, at, out var afterKeyword))
        {
            stdin = text.AsSpan(afterKeyword).StartsWith("```")
                ? StdinBlock(FencedBlock.Read(text, afterKeyword))
                : text[afterKeyword..].TrimEnd();
        }
        else
        {
            var open = FencedBlock.FindOpening(text, from);
            stdin = open >= 0 ? StdinBlock(FencedBlock.Read(text, open)) : "";
        }

        // Input typed as lines ends with a newline, as a terminal would send it.
        return stdin.Length == 0 || stdin.EndsWith('\n') ? stdin : stdin + "\n";
    }

    private static string StdinBlock(FencedBlock block) =>
        block.FirstLine is { } tag && PlainStdinTags.Contains(tag, StringComparer.OrdinalIgnoreCase)
            ? block.Body
            : block.WholeBody;

    private static bool IsStdinKeyword(string text, int at, out int contentStart)
    {
        contentStart = at;
        if (!text.AsSpan(at).StartsWith("stdin", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var end = at + 5;
        if (end < text.Length && text[end] == ':')
        {
            end++;
        }

        if (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] != '`')
        {
            return false;
        }

        while (end < text.Length && text[end] is ' ' or '\t')
        {
            end++;
        }

        if (end < text.Length && text[end] == '\n')
        {
            end++;
        }

        contentStart = end;
        return true;
    }

    /// <summary>A run from separate fields (a slash command's options, a form): same checks as a message.</summary>
    public Command FromFields(string language, string code, string stdin, IReadOnlyList<string>? args = null)
    {
        if (!languages.TryResolve(language.Trim(), out var resolved))
        {
            return UnknownLanguage(language.Trim());
        }

        code = Words.NormalizeNewlines(code);
        return code.Trim().Length == 0
            ? new Command.ParseError("the code is empty")
            : MakeRun(resolved, code, Words.NormalizeNewlines(stdin), args ?? []);
    }

    private Command MakeRun(LanguageInfo language, string code, string stdin, IReadOnlyList<string> args)
    {
        var max = limits.Value;
        var codeBytes = Encoding.UTF8.GetByteCount(code);
        if (codeBytes > max.MaxCodeBytes)
        {
            return new Command.ParseError(
                $"the code is {ByteSize.Format(codeBytes)}; the limit is {ByteSize.Format(max.MaxCodeBytes)}");
        }

        var stdinBytes = Encoding.UTF8.GetByteCount(stdin);
        if (stdinBytes > max.MaxStdinBytes)
        {
            return new Command.ParseError(
                $"the stdin is {ByteSize.Format(stdinBytes)}; the limit is {ByteSize.Format(max.MaxStdinBytes)}");
        }

        return new Command.Run(new RunRequest(language.Id, code, stdin, args));
    }

    private Command.ParseError UnknownLanguage(string word)
    {
        var suggestions = languages.Suggest(word);
        var hint = suggestions.Count > 0 ? $"; did you mean {string.Join(", ", suggestions)}?" : "";
        return new Command.ParseError(
            $"unknown language '{Words.Clip(word)}'{hint} ({Prefix}langs lists them)");
    }
}

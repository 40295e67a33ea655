namespace CodeCube.Core.Tests.Commands;

/// <summary>What a parse should give; compared field by field.</summary>
public abstract record Expect
{
    public sealed record Run(string Language, string Code, string Stdin = "", params string[] Args) : Expect;

    public sealed record Rerun(string Id) : Expect;

    public sealed record Help : Expect;

    public sealed record Languages : Expect;

    public sealed record Not : Expect;

    public sealed record Error(string Contains) : Expect;
}

public sealed record ParserCase(string Name, string Text, Expect Expected, string? Replied = null,
    TextMarkup Markup = TextMarkup.DiscordMarkdown)
{
    public override string ToString() => Name;
}

/// <summary>The parser's table: one row per rule of the command grammar.</summary>
public static class ParserCases
{
    private const string F = "```";

    public static TheoryData<ParserCase> All { get; } =
    [
        // Where the language comes from
        new("language from the command", $"!run py\n{F}\nprint(1)\n{F}", new Expect.Run("python", "print(1)")),
        new("language from the fence tag", $"!run\n{F}python\nprint(1)\n{F}", new Expect.Run("python", "print(1)")),
        new("fence opened on the command line", $"!run {F}py\nprint(1){F}", new Expect.Run("python", "print(1)")),
        new("command language wins over the tag", $"!run js\n{F}py\nconsole.log(1)\n{F}", new Expect.Run("javascript", "console.log(1)")),
        new("tag with symbols", $"!run {F}c++\nint main(){{}}{F}", new Expect.Run("cpp", "int main(){}")),
        new("language is case-insensitive", $"!run PY {F}print(1){F}", new Expect.Run("python", "print(1)")),

        // Args
        new("args after the language, quotes group", $"!run py a \"b c\" 'd'\n{F}\nimport sys\n{F}",
            new Expect.Run("python", "import sys", "", "a", "b c", "d")),
        new("all words are args when the tag names the language", $"!run 1 2\n{F}py\nx\n{F}",
            new Expect.Run("python", "x", "", "1", "2")),

        // Fences
        new("CRLF line endings", $"!run py\r\n{F}\r\nprint(1)\r\nprint(2)\r\n{F}\r\n", new Expect.Run("python", "print(1)\nprint(2)")),
        new("4-backtick fence holds a 3-backtick run", $"!run py\n````\ns = '{F}'\nprint(s)\n````",
            new Expect.Run("python", $"s = '{F}'\nprint(s)")),
        new("code ending in a backtick before the fence", "!run bash\n```echo `date````", new Expect.Run("bash", "echo `date`")),
        new("single backticks inside a block", "!run js ```console.log(`x`)```", new Expect.Run("javascript", "console.log(`x`)")),
        new("one-line block", $"!run py {F}print(1){F}", new Expect.Run("python", "print(1)")),
        new("unclosed block runs to the end", $"!run py\n{F}\nprint(1)", new Expect.Run("python", "print(1)")),
        new("indentation kept", $"!run py\n{F}\n  x = 1\n    y = 2\n{F}", new Expect.Run("python", "  x = 1\n    y = 2")),
        new("empty block", $"!run py\n{F}\n{F}", new Expect.Error("empty")),
        new("blank block", $"!run py {F}   {F}", new Expect.Error("empty")),
        new("tag only", $"!run {F}py\n{F}", new Expect.Error("empty")),

        // Errors
        new("no code at all", "!run", new Expect.Error("usage: !run <language>")),
        new("language but no code", "!run py", new Expect.Error("usage:")),
        new("unknown command language suggests", $"!run pyhton\n{F}\nx\n{F}", new Expect.Error("unknown language 'pyhton'; did you mean python")),
        new("unknown fence tag suggests", $"!run\n{F}pyhton\nx\n{F}", new Expect.Error("unknown language 'pyhton'; did you mean python")),
        new("unknown language without suggestions", "!run zig {F}x{F}", new Expect.Error("unknown language 'zig' (!langs lists them)")),
        new("no language anywhere", $"!run\n{F}\nprint(1)\n{F}", new Expect.Error("which language?")),
        new("long unknown word is clipped", "!run " + new string('q', 80) + " x", new Expect.Error(new string('q', 32) + "…'")),

        // Stdin
        new("second block is stdin", $"!run py\n{F}\nprint(input())\n{F}\n{F}\nhello\n{F}", new Expect.Run("python", "print(input())", "hello\n")),
        new("stdin line then text", $"!run py\n{F}\nx\n{F}\nstdin\nline1\nline2", new Expect.Run("python", "x", "line1\nline2\n")),
        new("stdin: line then a text block", $"!run py {F}x{F}\nstdin:\n{F}text\nabc\n{F}", new Expect.Run("python", "x", "abc\n")),
        new("stdin on the same line", $"!run py {F}x{F}\nstdin: 42", new Expect.Run("python", "x", "42\n")),
        new("a number first in stdin is data, not a tag", $"!run py {F}x{F} {F}5\n3{F}", new Expect.Run("python", "x", "5\n3\n")),
        new("text after the block is not stdin", $"!run py {F}x{F} thanks!", new Expect.Run("python", "x")),

        // One-liners
        new("inline one-liner", "!run py print(1)", new Expect.Run("python", "print(1)")),
        new("inline code keeps quotes and words", "!run py print('a b')  # c", new Expect.Run("python", "print('a b')  # c")),
        new("inline code over several lines", "!run py\nfor i in range(2):\n    print(i)", new Expect.Run("python", "for i in range(2):\n    print(i)")),
        new("inline with unknown language", "!run foo print(1)", new Expect.Error("unknown language 'foo'")),

        // Replies
        new("code from the replied-to block", "!run", new Expect.Run("python", "print(2)"), $"look:\n{F}py\nprint(2)\n{F}"),
        new("replied-to block with args", "!run py x y", new Expect.Run("python", "import sys", "", "x", "y"), $"{F}\nimport sys\n{F}"),
        new("replied-to block with stdin", "!run", new Expect.Run("python", "input()", "7\n"), $"{F}py\ninput()\n{F}\n{F}\n7\n{F}"),
        new("replied-to plain text", "!run py", new Expect.Run("python", "print(3)"), "print(3)\n"),
        new("replied-to plain text needs a language", "!run", new Expect.Error("usage:"), "print(3)"),
        new("own code wins over the reply", "!run py print(4)", new Expect.Run("python", "print(4)"), "print(3)"),

        // Reruns
        new("rerun by id", "!run AbCdEf123456", new Expect.Rerun("AbCdEf123456")),
        new("rerun by permalink", "!run https://cc.example/s/AbCdEf123456", new Expect.Rerun("AbCdEf123456")),
        new("rerun by permalink while replying", "!run https://cc.example/s/AbCdEf123456", new Expect.Rerun("AbCdEf123456"), $"{F}py\nx{F}"),
        new("rerun by a bracketed link", "!run <https://cc.example/s/AbCdEf123456>", new Expect.Rerun("AbCdEf123456")),
        new("rerun by a slack link with a label", "!run <https://cc.example/s/AbCdEf123456|snippet>", new Expect.Rerun("AbCdEf123456")),
        new("a link elsewhere is not a snippet", "!run https://example.org/x/AbCdEf123456", new Expect.Error("unknown language")),
        new("a language name is not a snippet id", "!run javascript", new Expect.Error("usage:")),

        // Other verbs and non-commands
        new("help", "!help", new Expect.Help()),
        new("help in capitals with words after", "!HELP me", new Expect.Help()),
        new("langs", "!langs", new Expect.Languages()),
        new("languages", "!languages", new Expect.Languages()),
        new("plain message", "hello there", new Expect.Not()),
        new("other bot's command", "!roll 2d6", new Expect.Not()),
        new("verb glued to more letters", "!runner py x", new Expect.Not()),
        new("prefix then space", "! run py x", new Expect.Not()),
        new("command in the middle of a sentence", "try !run py print(1)", new Expect.Not()),
        new("empty message", "", new Expect.Not()),

        // Addressing
        new("addressed with a colon", "CodeCube: !run py print(1)", new Expect.Run("python", "print(1)")),
        new("addressed with a comma", "CodeCube, !help", new Expect.Help()),
        new("leading spaces", "   !langs", new Expect.Languages()),
        new("addressed with a mention", "<@123456> !run py print(1)", new Expect.Run("python", "print(1)")),
        new("two words before the prefix", "hey you: !run py x", new Expect.Not()),

        // Slack: fences carry no tags, so a first line is a language only when it names one
        new("slack: first line names the language", $"!run\n{F}python\nprint(1){F}", new Expect.Run("python", "print(1)"), null, TextMarkup.SlackMrkdwn),
        new("slack: unknown first line is code", $"!run sh {F}ls\npwd{F}", new Expect.Run("sh", "ls\npwd"), null, TextMarkup.SlackMrkdwn),
        new("discord: unknown first line is a tag", $"!run sh {F}ls\npwd{F}", new Expect.Run("sh", "pwd")),
        new("slack: untagged block needs a language", $"!run {F}ls\npwd{F}", new Expect.Error("which language?"), null, TextMarkup.SlackMrkdwn),
        new("slack: decoded entities stay in the code", $"!run py\n{F}print(1 < 2 & 3 > 2){F}", new Expect.Run("python", "print(1 < 2 & 3 > 2)"), null, TextMarkup.SlackMrkdwn),
    ];
}

using CodeCube.Core.Commands;
using CodeCube.Core.Contracts;
using CodeCube.Core.Options;
using CodeCube.Core.Running;
using CodeCube.Sandbox.Languages;
using Microsoft.Extensions.Options;

namespace CodeCube.Sandbox.Tests.Unit;

/// <summary>
/// What a chat user types against the real manifest of sixty languages: ids and aliases with symbols run the right
/// language, and a typo gets the ids it was meant to be (the parser's own table uses a small fake list).
/// </summary>
public sealed class ChatLanguageNamesTests : IDisposable
{
    private const string F = "```";
    private readonly ImagesCopy images = new();
    private readonly CommandParser parser;

    public ChatLanguageNamesTests()
    {
        parser = new CommandParser(new LanguageRegistry(images.Path), new Permalinks(Options.Create(new PermalinkOptions())),
            Options.Create(new PipelineOptions()), Options.Create(new InputLimitsOptions()));
    }

    public void Dispose() => images.Dispose();

    [Theory]
    [InlineData($"!run c#\n{F}\nclass A {{}}\n{F}", "csharp")]
    [InlineData($"!run C#\n{F}\nclass A {{}}\n{F}", "csharp")]
    [InlineData($"!run csharp\n{F}\nclass A {{}}\n{F}", "csharp")]
    [InlineData($"!run\n{F}c#\nclass A {{}}\n{F}", "csharp")]
    [InlineData($"!run\n{F}cs\nclass A {{}}\n{F}", "csharp")]
    [InlineData($"!run golang\n{F}\npackage main\n{F}", "go")]
    [InlineData($"!run\n{F}golang\npackage main\n{F}", "go")]
    [InlineData($"!run objective-c\n{F}\nint main(void) {{}}\n{F}", "objective-c")]
    [InlineData($"!run\n{F}emacs-lisp\n(message \"hi\")\n{F}", "emacs-lisp")]
    [InlineData($"!run c++\n{F}\nint main() {{}}\n{F}", "cpp")]
    [InlineData("!run sh echo hi", "sh")]
    public void Names_with_symbols_run_their_own_language(string text, string id)
    {
        var run = Assert.IsType<Command.Run>(parser.Parse(text));

        Assert.Equal(id, run.Request.Language);
    }

    [Theory]
    [InlineData("!run pyhton\n```\nprint(1)\n```", "unknown language 'pyhton'; did you mean python?")]
    [InlineData("!run typescirpt\n```\nlet x = 1\n```", "unknown language 'typescirpt'; did you mean typescript?")]
    [InlineData("!run\n```typescirpt\nlet x = 1\n```", "unknown language 'typescirpt'; did you mean typescript?")]
    [InlineData("!run golnag\n```\npackage main\n```", "unknown language 'golnag'; did you mean go?")]
    [InlineData("!run c-sharp\n```\nclass A {}\n```", "unknown language 'c-sharp'; did you mean csharp?")]
    [InlineData("!run kotiln\n```\nfun main() {}\n```", "unknown language 'kotiln'; did you mean kotlin?")]
    public void A_typo_gets_the_ids_it_was_meant_to_be(string text, string message)
    {
        var error = Assert.IsType<Command.ParseError>(parser.Parse(text));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }
}

using CodeCube.Sandbox.Languages;

namespace CodeCube.Sandbox.Tests.Unit;

public sealed class LanguageRegistryTests : IDisposable
{
    private readonly ImagesCopy images = new();

    public void Dispose() => images.Dispose();

    private void WriteLock(string json) => images.WriteLock(json);

    private const string PythonLock = """
        { "base": "codecube/base:1", "languages": {
          "python": { "image": "codecube/python:abc", "version": "3.11.2", "digest": "sha256:feed" } } }
        """;

    [Theory]
    [InlineData("python")]
    [InlineData("PYTHON")]
    [InlineData("py")]
    [InlineData("python3")]
    [InlineData(".py")]
    [InlineData("py ")]
    public void Resolves_ids_aliases_and_extensions_case_insensitively(string name)
    {
        var registry = new LanguageRegistry(images.Path);

        Assert.True(registry.TryResolve(name, out var language));
        Assert.Equal("python", language.Id);
    }

    [Theory]
    [InlineData(".cc", "cpp")]
    [InlineData("c++", "cpp")]
    [InlineData(".mjs", "javascript")]
    [InlineData("golang", "go")]
    [InlineData("sh", "sh")]
    [InlineData("dash", "sh")]
    [InlineData(".bash", "bash")]
    [InlineData("shell", "bash")]
    [InlineData("ts", "typescript")]
    [InlineData("c#", "csharp")]
    [InlineData("C#", "csharp")]
    [InlineData("cs", "csharp")]
    [InlineData(".pro", "prolog")]
    [InlineData(".pl", "perl")]
    [InlineData("elisp", "emacs-lisp")]
    [InlineData("sql", "sqlite3")]
    public void Resolves_other_languages(string name, string id)
    {
        Assert.True(new LanguageRegistry(images.Path).TryResolve(name, out var language));
        Assert.Equal(id, language.Id);
    }

    [Fact]
    public void Unknown_names_do_not_resolve()
    {
        Assert.False(new LanguageRegistry(images.Path).TryResolve("malbolge", out _));
    }

    [Fact]
    public void Version_and_digest_come_from_the_lock_and_unbuilt_languages_say_so()
    {
        WriteLock(PythonLock);
        var registry = new LanguageRegistry(images.Path);

        registry.TryResolve("python", out var python);
        registry.TryResolve("ruby", out var ruby);

        Assert.Equal(("3.11.2", "sha256:feed"), (python.Version, python.ImageDigest));
        Assert.Equal((LanguageSpec.UnbuiltVersion, ""), (ruby.Version, ruby.ImageDigest));
        Assert.False(python.Compiled);
        Assert.True(registry.All.Single(l => l.Id == "c").Compiled);
    }

    [Fact]
    public void A_lock_written_later_is_picked_up_without_a_restart()
    {
        var registry = new LanguageRegistry(images.Path);
        Assert.Equal(LanguageSpec.UnbuiltVersion, registry.All.Single(l => l.Id == "python").Version);

        WriteLock(PythonLock);

        Assert.Equal("3.11.2", registry.All.Single(l => l.Id == "python").Version);
        Assert.True(registry.TryGetSpec("py", out var spec));
        Assert.Equal("codecube/python:abc", spec.Image);
    }

    [Theory]
    [InlineData("pyhton", "python")]
    [InlineData("pyton", "python")]
    [InlineData("javscript", "javascript")]
    [InlineData("rubby", "ruby")]
    [InlineData("jav", "java")]
    [InlineData("rustt", "rust")]
    [InlineData("golnag", "go")]
    [InlineData("typscript", "typescript")]
    [InlineData("typescirpt", "typescript")]
    [InlineData("c-sharp", "csharp")]
    [InlineData("csharpp", "csharp")]
    [InlineData("node.js", "javascript")]
    [InlineData("sqllite", "sqlite3")]
    [InlineData("cobal", "cobol")]
    [InlineData("brainf", "brainfuck")]
    [InlineData("kotln", "kotlin")]
    [InlineData("elixer", "elixir")]
    [InlineData("haskel", "haskell")]
    [InlineData("fortan", "fortran")]
    [InlineData("clojur", "clojure")]
    [InlineData("ocamel", "ocaml")]
    public void Suggests_close_matches_first(string typo, string expected)
    {
        var suggestions = new LanguageRegistry(images.Path).Suggest(typo);

        Assert.Equal(expected, suggestions[0]);
        Assert.InRange(suggestions.Count, 1, 3);
    }

    [Theory]
    [InlineData("pyhton")]
    [InlineData("perll")]
    [InlineData("sqllite")]
    [InlineData("golnag")]
    public void Suggests_ids_each_language_once(string typo)
    {
        var registry = new LanguageRegistry(images.Path);

        var suggestions = registry.Suggest(typo);

        Assert.All(suggestions, s => Assert.Contains(registry.All, l => l.Id == s));
        Assert.Equal(suggestions.Count, suggestions.Distinct().Count());
    }

    [Theory]
    [InlineData("malbolge")]
    [InlineData("")]
    [InlineData("whitespace")]
    public void Suggests_nothing_for_names_far_from_every_language(string unknown)
    {
        Assert.Empty(new LanguageRegistry(images.Path).Suggest(unknown));
    }

    [Fact]
    public void No_id_alias_or_extension_names_two_languages()
    {
        var owners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var clashes = new List<string>();
        foreach (var language in new LanguageRegistry(images.Path).All)
        {
            var names = language.Aliases.Concat(language.Extensions).Concat(language.Extensions.Select(e => e.TrimStart('.')))
                .Prepend(language.Id);
            foreach (var name in names)
            {
                if (!owners.TryAdd(name, language.Id) && owners[name] != language.Id)
                {
                    clashes.Add($"{name}: {owners[name]} and {language.Id}");
                }
            }
        }

        Assert.Empty(clashes);
    }

    [Fact]
    public void Every_language_resolves_to_itself_by_id_and_each_alias()
    {
        var registry = new LanguageRegistry(images.Path);
        foreach (var language in registry.All)
        {
            foreach (var name in language.Aliases.Prepend(language.Id))
            {
                Assert.True(registry.TryResolve(name, out var resolved), name);
                Assert.Equal(language.Id, resolved.Id);
            }
        }
    }

    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("pyhton", "python", 1)]
    [InlineData("", "abc", 3)]
    [InlineData("same", "same", 0)]
    public void Edit_distance_counts_a_transposition_as_one(string a, string b, int expected)
    {
        Assert.Equal(expected, LanguageSuggester.Distance(a, b));
    }

    [Fact]
    public void The_limits_key_changes_with_the_limits_runs_get()
    {
        WriteLock(PythonLock);

        LanguageInfo Python(SandboxOptions options)
        {
            Assert.True(new LanguageRegistry(images.Path, options).TryResolve("python", out var language));
            return language;
        }

        var defaults = Python(new SandboxOptions());
        Assert.Equal(defaults.LimitsKey, Python(new SandboxOptions()).LimitsKey);
        Assert.NotEqual(defaults.LimitsKey, Python(new SandboxOptions { StdoutLimitBytes = 128 * 1024 }).LimitsKey);
        Assert.NotEqual(defaults.LimitsKey, Python(new SandboxOptions { RunTimeout = TimeSpan.FromSeconds(20) }).LimitsKey);
        Assert.NotEqual(defaults.LimitsKey, Python(new SandboxOptions { Runtime = "runsc" }).LimitsKey);
    }
}

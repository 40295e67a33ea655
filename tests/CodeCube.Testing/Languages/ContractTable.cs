using System.Text.Json;

namespace CodeCube.Testing.Languages;

/// <summary>
/// The contract programs are data: tests/Sandbox.Tests/Languages/&lt;id&gt;/&lt;case&gt;.&lt;ext&gt;, and what each
/// must produce in Languages/contracts.json there (defaults, then per-language overrides with the reason for each).
/// The contract tests, images/smoke.sh and the benchmark's hello world per language all read them.
/// </summary>
public static class ContractTable
{
    public const string Greet = "greet";
    public const string Syntax = "syntax";
    public const string Runtime = "runtime";
    public const string Flood = "flood";
    public const string Loop = "loop";
    public const string Bomb = "bomb";

    /// <summary>Cases a language may lack when contracts.json says why (brainfuck has no runtime errors).</summary>
    public static readonly IReadOnlyList<string> OptionalCases = [Runtime, Flood, Loop, Bomb];

    private static readonly Lazy<Document> Table = new(Load);

    public static string Folder => RepoPaths.ContractPrograms;

    public static IReadOnlyDictionary<string, LanguageContract> Languages => Table.Value.Languages;

    public static LanguageContract For(string id) =>
        Table.Value.Languages.TryGetValue(id, out var contract) ? contract : throw new KeyNotFoundException(id);

    /// <summary>The source of one case, or null when the language has no such program.</summary>
    public static string? Code(string id, string caseName)
    {
        var dir = Path.Combine(Folder, id);
        var file = Directory.Exists(dir)
            ? Directory.EnumerateFiles(dir, caseName + ".*").SingleOrDefault()
            : null;
        return file is null ? null : File.ReadAllText(file);
    }

    private static Document Load()
    {
        var json = File.ReadAllText(Path.Combine(Folder, "contracts.json"));
        var raw = JsonSerializer.Deserialize<RawDocument>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            ReadCommentHandling = JsonCommentHandling.Skip,
        }) ?? throw new InvalidDataException("contracts.json is empty");
        var languages = raw.Languages.ToDictionary(
            kv => kv.Key,
            kv => raw.Defaults.With(kv.Key, kv.Value));
        return new Document(languages);
    }

    private sealed record Document(IReadOnlyDictionary<string, LanguageContract> Languages);

    private sealed record RawDocument(RawContract Defaults, Dictionary<string, RawContract> Languages);

    /// <summary>One language's expectations as written; null means "the default".</summary>
    private sealed record RawContract(
        string? Stdin,
        string? Stdout,
        int? Exit,
        int? RuntimeExit,
        string? RuntimeMessage,
        string? RuntimeMessageOn,
        string? CompileMessage,
        int? SyntaxExit,
        string? OutOfMemoryMessage,
        Dictionary<string, string>? NotApplicable,
        Dictionary<string, string>? Extra,
        string? Why)
    {
        public LanguageContract With(string id, RawContract over) => new(
            id,
            over.Stdin ?? Stdin ?? "",
            over.Stdout ?? Stdout ?? "",
            over.Exit ?? Exit ?? 0,
            over.RuntimeExit ?? RuntimeExit,
            over.RuntimeMessage ?? RuntimeMessage ?? "",
            (over.RuntimeMessageOn ?? RuntimeMessageOn) == "stdout",
            over.CompileMessage ?? CompileMessage ?? "",
            over.SyntaxExit ?? SyntaxExit,
            over.OutOfMemoryMessage,
            over.NotApplicable ?? [],
            over.Extra ?? []);
    }
}

/// <summary>What one language's contract programs must produce.</summary>
/// <param name="RuntimeExit">The runtime error's exit code when it is fixed; null means "any non-zero".</param>
/// <param name="RuntimeMessageOnStdout">The toolchain prints its runtime errors on stdout (Poly/ML, Algol 68 Genie).</param>
/// <param name="SyntaxExit">An interpreter's exit code after a syntax error when it is fixed (bc: 0).</param>
/// <param name="OutOfMemoryMessage">The runtime's own out-of-memory message, accepted instead of memory_limit.</param>
/// <param name="NotApplicable">Hostile cases that cannot be written in this language, with the reason.</param>
/// <param name="Extra">Further programs (case name → exact stdout), e.g. the libraries a language ships with.</param>
public sealed record LanguageContract(
    string Id,
    string Stdin,
    string Stdout,
    int Exit,
    int? RuntimeExit,
    string RuntimeMessage,
    bool RuntimeMessageOnStdout,
    string CompileMessage,
    int? SyntaxExit,
    string? OutOfMemoryMessage,
    IReadOnlyDictionary<string, string> NotApplicable,
    IReadOnlyDictionary<string, string> Extra);

namespace CodeCube.Host.Tests.Storage;

internal static class Samples
{
    public static Snippet Snippet(string? id = null, string code = "print('hi')", string? parentId = null) => new(
        id ?? SnippetId.New(), "python", "3.12.8", code, "stdin\n", ["-v", "x y"], "hi\n", "warn\n",
        RunOutcome.CompileError, 1, 123, true,
        new SnippetAuthor("discord", "1234", "Ada <admin>"), new SnippetOrigin("discord", "555", "777"),
        new DateTimeOffset(2026, 11, 26, 5, 0, 0, TimeSpan.Zero), parentId, "detail");

    public static RunResult Result() => new(
        "python", "3.12.8", RunOutcome.OutputLimit, null, 9, "out", "err", 77, true,
        new AppliedLimits(10_000, 20_000, 256 * 1024 * 1024, 64 * 1024), null);
}

namespace CodeCube.Sandbox.Tests.Integration;

/// <summary>Under the default run limit, so a slow, loaded machine still reaches the memory limit first.</summary>
public sealed class MemoryBombTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    [Theory]
    [InlineData("python", "chunks = []\nwhile True:\n    chunks.append(bytearray(16 * 1024 * 1024))")]
    [InlineData("c", "#include <stdlib.h>\n#include <string.h>\nint main(void) { for (;;) { char *p = malloc(1 << 24); if (p) memset(p, 1, 1 << 24); } }")]
    public async Task A_memory_bomb_is_killed_at_the_memory_limit(string language, string code)
    {
        var result = await fixture.RunAsync(language, code);

        Assert.True(result.Outcome == RunOutcome.MemoryLimit, LanguageContractTests.Describe(result));
        Assert.Equal(256L * 1024 * 1024, result.Limits?.MemoryBytes);
        await CleanRun.AssertAsync(fixture);
    }
}

using CodeCube.Core.Contracts;

namespace CodeCube.Core.Tests.Contracts;

public sealed class LanguageKindsTests
{
    private static LanguageInfo L(string id, string kind) => new(id, [], "1", [], false, "sha256:" + id, Kind: kind);

    [Fact]
    public void Groups_by_kind_in_listing_order_with_unknown_kinds_last_by_name_and_ids_in_order()
    {
        var groups = LanguageKinds.Group(
        [
            L("zsh", "shell"), L("weird", "zzz"), L("ruby", "scripting"), L("bash", "shell"), L("odd", "aaa"),
            L("python", "scripting"), L("c", "systems"),
        ]);

        Assert.Equal(["scripting", "shell", "systems", "aaa", "zzz"], groups.Select(g => g.Kind));
        Assert.Equal(["scripting", "shell and text", "compiled", "aaa", "zzz"], groups.Select(g => g.Title));
        Assert.Equal(["python", "ruby"], groups[0].Languages.Select(l => l.Id));
        Assert.Equal(["bash", "zsh"], groups[1].Languages.Select(l => l.Id));
    }
}

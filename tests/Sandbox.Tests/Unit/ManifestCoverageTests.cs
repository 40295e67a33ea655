using System.Reflection;
using CodeCube.Sandbox.Languages;
using CodeCube.Sandbox.Tests.Integration;

namespace CodeCube.Sandbox.Tests.Unit;

public class ManifestCoverageTests
{
    [Fact]
    public void Every_language_in_the_manifest_has_contract_tests()
    {
        var tested = typeof(Samples).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => ((LanguageSample)f.GetValue(null)!).Id)
            .ToHashSet();
        var contractClasses = typeof(LanguageContractTests).Assembly.GetTypes()
            .Count(t => t.IsSubclassOf(typeof(LanguageContractTests)) && !t.IsAbstract);

        var manifest = new LanguageRegistry(RepoPaths.Images).All.Select(l => l.Id).ToHashSet();

        Assert.Equal(manifest.Order(), tested.Order());
        Assert.Equal(manifest.Count, contractClasses);
    }
}

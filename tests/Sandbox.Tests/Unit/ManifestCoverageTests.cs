using CodeCube.Sandbox.Languages;
using CodeCube.Testing.Languages;

namespace CodeCube.Sandbox.Tests.Unit;

/// <summary>A language without a full contract is not listed: every manifest id has its programs and expectations.</summary>
public class ManifestCoverageTests
{
    private static readonly IReadOnlyList<Core.Contracts.LanguageInfo> Languages = new LanguageRegistry(RepoPaths.Images).All;

    [Fact]
    public void Every_language_in_the_manifest_has_a_contract_and_every_contract_a_language()
    {
        Assert.Equal(Languages.Select(l => l.Id).Order(), ContractTable.Languages.Keys.Order());
        Assert.Equal(
            Languages.Select(l => l.Id).Order(),
            Directory.EnumerateDirectories(ContractTable.Folder).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void Every_language_has_its_programs_and_a_reason_for_each_case_it_lacks()
    {
        foreach (var language in Languages)
        {
            var contract = ContractTable.For(language.Id);
            foreach (var caseName in new[] { ContractTable.Greet, ContractTable.Syntax })
            {
                Assert.True(ContractTable.Code(language.Id, caseName) is not null, $"{language.Id} has no {caseName} program");
            }

            foreach (var caseName in ContractTable.OptionalCases)
            {
                var hasProgram = ContractTable.Code(language.Id, caseName) is not null;
                var excused = contract.NotApplicable.ContainsKey(caseName);
                Assert.True(hasProgram != excused, $"{language.Id} {caseName}: a program or a reason, exactly one");
            }
        }
    }

    [Fact]
    public void Every_language_has_a_kind_and_its_programs_use_one_of_its_extensions()
    {
        foreach (var language in Languages)
        {
            Assert.False(string.IsNullOrEmpty(language.Kind), language.Id);
            var extensions = Directory.EnumerateFiles(Path.Combine(ContractTable.Folder, language.Id))
                .Select(Path.GetExtension)
                .Distinct()
                .ToList();
            Assert.All(extensions, e => Assert.Contains(e, language.Extensions));
        }
    }
}

using CodeCube.Core.Contracts;
using CodeCube.Testing.Languages;

namespace CodeCube.Sandbox.Tests.Integration;

/// <summary>Libraries a language ships with (contracts.json "extra": case name → exact stdout).</summary>
public sealed class BundledLibraryTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var contract in ContractTable.Languages.Values)
        {
            foreach (var caseName in contract.Extra.Keys)
            {
                data.Add(contract.Id, caseName);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bundled_library_works_offline(string id, string caseName)
    {
        var contract = ContractTable.For(id);

        var result = await fixture.RunAsync(id, ContractTable.Code(id, caseName)!, contract.Stdin);

        Assert.True(result.Outcome == RunOutcome.Completed, LanguageContractTests.Describe(result));
        Assert.Equal(contract.Extra[caseName], result.Stdout);
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using CodeCube.Sandbox.Docker;
using CodeCube.Sandbox.Languages;

namespace CodeCube.Sandbox.Tests.Unit;

/// <summary>
/// Our create request must be the bytes Docker.DotNet would have sent: its models carry their wire names and
/// "leave out when default" rules as [DataMember] attributes, which Docker.DotNet's Newtonsoft serializer reads.
/// </summary>
public class EngineJsonTests
{
    private static readonly LanguageRegistry Registry = new(RepoPaths.Images);

    [Theory]
    [InlineData("python", null)]
    [InlineData("java", "runsc")]
    [InlineData("c", null)]
    public void A_create_request_reads_as_Docker_DotNet_would_write_it(string language, string? runtime)
    {
        var options = new SandboxOptions { Runtime = runtime };
        Assert.True(Registry.TryGetSpec(language, out var spec));
        var create = RunContainerSpec.Build(spec, "codecube/test:1", EffectiveLimits.For(spec, options), options, "inst-1", pooled: true);
        create.Name = "not-in-the-body";

        var ours = JsonNode.Parse(JsonSerializer.Serialize(create, EngineJson.Options));
        var theirs = JsonNode.Parse(Newtonsoft.Json.JsonConvert.SerializeObject(create,
            new Newtonsoft.Json.JsonSerializerSettings { NullValueHandling = Newtonsoft.Json.NullValueHandling.Ignore }));

        Assert.True(JsonNode.DeepEquals(ours, theirs), $"ours:   {ours}\ntheirs: {theirs}");
        Assert.True(ours!["HostConfig"]!["Init"]!.GetValue<bool>());
        Assert.Null(ours["HostConfig"]!["AutoRemove"]);
        Assert.Null(ours["name"] ?? ours["Name"]);
    }
}

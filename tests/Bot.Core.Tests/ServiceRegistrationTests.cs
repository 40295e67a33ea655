using CodeCube.Core.Commands;
using CodeCube.Core.Options;
using CodeCube.Core.Pipeline;
using CodeCube.Core.Tests.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CodeCube.Core.Tests;

public sealed class ServiceRegistrationTests
{
    [Fact]
    public async Task AddCodeCubeCore_wires_everything_with_validated_scopes()
    {
        await using var fixture = new HostFixture([]);
        await using var scope = fixture.Services.CreateAsyncScope();

        Assert.NotNull(scope.ServiceProvider.GetRequiredService<ChatPipeline>());
        Assert.Equal("https://cc.example/s/AbCdEf123456", fixture.Services.GetRequiredService<IPermalinks>().For("AbCdEf123456"));
        fixture.Services.GetRequiredService<IStartupValidator>().Validate();
    }

    [Fact]
    public async Task Options_are_bound_from_configuration()
    {
        await using var fixture = new HostFixture([], new()
        {
            ["Pipeline:Prefix"] = ".",
            ["Pipeline:Workers"] = "3",
            ["Pipeline:Quotas:UserBurst"] = "9",
        });

        Assert.Equal(".", fixture.Services.GetRequiredService<IOptions<PipelineOptions>>().Value.Prefix);
        Assert.Equal(3, fixture.Services.GetRequiredService<IOptions<PipelineOptions>>().Value.Workers);
        Assert.Equal(9, fixture.Services.GetRequiredService<IOptions<QuotaOptions>>().Value.UserBurst);
        Assert.IsType<Command.Help>(fixture.Services.GetRequiredService<CommandParser>().Parse(".help"));
    }

    [Theory]
    [InlineData("Pipeline:Prefix", "")]
    [InlineData("Pipeline:Prefix", "run now")]
    [InlineData("Pipeline:Workers", "0")]
    [InlineData("Pipeline:Quotas:UserPerMinute", "0")]
    [InlineData("Web:PublicBaseUrl", "not a url")]
    public async Task Invalid_options_fail_at_startup(string key, string value)
    {
        await using var fixture = new HostFixture([], new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() =>
            fixture.Services.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains(key.Split(':')[^1], error.Message, StringComparison.Ordinal);
    }
}

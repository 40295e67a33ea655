using CodeCube.Core.Commands;
using CodeCube.Core.Options;
using CodeCube.Core.Pipeline;
using CodeCube.Core.Running;
using CodeCube.Core.Tests.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
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
    [InlineData("Pipeline:ProgressInterval", "00:00:00")]
    [InlineData("Pipeline:Quotas:UserPerMinute", "0")]
    [InlineData("Web:PublicBaseUrl", "not a url")]
    [InlineData("InputLimits:MaxCodeBytes", "0")]
    public async Task Invalid_options_fail_at_startup_naming_the_full_key(string key, string value)
    {
        await using var fixture = new HostFixture([], new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() =>
            fixture.Services.GetRequiredService<IStartupValidator>().Validate());
        Assert.Matches($"(^|[^\\w:]){key}($|[^\\w:])", error.Message);
    }

    [Fact]
    public async Task The_input_limit_reaches_the_chat_parser()
    {
        await using var fixture = new HostFixture([], new() { ["InputLimits:MaxCodeBytes"] = "100" });
        var parser = fixture.Services.GetRequiredService<CommandParser>();

        var error = Assert.IsType<Command.ParseError>(parser.Parse("!run py " + new string('x', 101)));

        Assert.Equal("the code is 101 bytes; the limit is 100 bytes", error.Message);
        Assert.IsType<Command.Run>(parser.Parse("!run py " + new string('x', 100)));
    }

    [Fact]
    public async Task The_old_pipeline_size_key_still_sets_the_limit_and_says_once_which_key_replaces_it()
    {
        await using var fixture = new HostFixture([], new() { ["Pipeline:MaxStdinBytes"] = "10" });

        fixture.Services.GetRequiredService<IStartupValidator>().Validate();
        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            // A snapshot configures the options again; the warning still comes once.
            Assert.Equal(10, scope.ServiceProvider.GetRequiredService<IOptionsSnapshot<InputLimitsOptions>>().Value.MaxStdinBytes);
        }

        Assert.Equal(10, fixture.Services.GetRequiredService<IOptions<InputLimitsOptions>>().Value.MaxStdinBytes);
        var warning = Assert.Single(fixture.Log.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("Pipeline:MaxStdinBytes", warning.Message, StringComparison.Ordinal);
        Assert.Contains("InputLimits:MaxStdinBytes", warning.Message, StringComparison.Ordinal);
    }
}

using CodeCube.Adapters.Slack;
using Microsoft.Extensions.Options;

namespace CodeCube.Adapters.Tests.Slack;

public sealed class SlackRegistrationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        TestServices.Build(settings, (services, configuration) => services.AddSlackAdapter(configuration));

    [Fact]
    public void Without_Slack_tokens_no_adapter_is_registered()
    {
        using var services = Build(new() { ["Slack:Mode"] = "SocketMode" });
        Assert.Empty(services.GetServices<IChatAdapter>());
        Assert.Null(services.GetService<SlackEventsReceiver>());
    }

    [Fact]
    public void Configured_Slack_registers_one_adapter_for_the_slack_platform()
    {
        using var services = Build(new()
        {
            ["Slack:BotToken"] = "xoxb-1",
            ["Slack:AppToken"] = "xapp-1",
        });
        var adapter = Assert.Single(services.GetServices<IChatAdapter>());
        Assert.Equal("slack", adapter.Platform);
        Assert.Equal(TextMarkup.SlackMrkdwn, adapter.Capabilities.Markup);
        Assert.True(adapter.Capabilities.MaxMessageChars <= 4000);
        Assert.Equal("https://slack.com/api", services.GetRequiredService<IOptions<SlackOptions>>().Value.ApiBaseUrl
            .AbsoluteUri.TrimEnd('/'));
    }

    [Fact]
    public void Socket_mode_without_an_app_token_fails_validation_naming_the_key()
    {
        using var services = Build(new() { ["Slack:BotToken"] = "xoxb-1" });
        var error = Assert.Throws<OptionsValidationException>(
            () => services.GetRequiredService<IOptions<SlackOptions>>().Value);
        Assert.Contains("Slack__AppToken", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Events_api_without_a_signing_secret_fails_validation_naming_the_key()
    {
        using var services = Build(new() { ["Slack:BotToken"] = "xoxb-1", ["Slack:Mode"] = "EventsApi" });
        var error = Assert.Throws<OptionsValidationException>(
            () => services.GetRequiredService<IOptions<SlackOptions>>().Value);
        Assert.Contains("Slack__SigningSecret", error.Message, StringComparison.Ordinal);
    }
}

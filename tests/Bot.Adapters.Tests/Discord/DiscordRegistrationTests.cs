using CodeCube.Adapters.Discord;
using Microsoft.Extensions.Options;

namespace CodeCube.Adapters.Tests.Discord;

public sealed class DiscordRegistrationTests
{
    [Fact]
    public void Without_a_token_no_discord_adapter_is_registered()
    {
        using var provider = Build(new() { ["Discord:ApiBaseUrl"] = "https://discord.com/api/v10" });

        Assert.Empty(provider.GetServices<IChatAdapter>());
    }

    [Fact]
    public void With_a_token_the_adapter_resolves_with_validated_defaults()
    {
        using var provider = Build(new() { ["Discord:Token"] = "abc" });

        var adapter = Assert.Single(provider.GetServices<IChatAdapter>());
        Assert.Equal("discord", adapter.Platform);
        var options = provider.GetRequiredService<IOptions<DiscordOptions>>().Value;
        Assert.Equal("https://discord.com/api/v10", options.ApiBaseUrl);
        Assert.Null(options.GatewayUrlOverride);
    }

    [Fact]
    public void A_malformed_url_fails_validation_with_a_message_naming_the_key()
    {
        using var provider = Build(new() { ["Discord:Token"] = "abc", ["Discord:GatewayUrlOverride"] = "http://x" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DiscordOptions>>().Value);
        Assert.Contains("Discord:GatewayUrlOverride", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Discord:AttachmentHosts:0", "https://cdn.discordapp.com", "Discord:AttachmentHosts must hold only host names")]
    [InlineData("Discord:GuildIds:0", "my-server", "Discord:GuildIds must hold only guild ids")]
    [InlineData("Discord:ApplicationId", "abc", "Discord:ApplicationId must be an application id")]
    public void Interaction_and_attachment_keys_are_validated_naming_the_key(string key, string value, string message)
    {
        using var provider = Build(new() { ["Discord:Token"] = "abc", [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DiscordOptions>>().Value);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejected_token_on_the_gateway_stops_the_adapter_saying_the_token_is_invalid()
    {
        // GatewayUrlOverride skips GET /gateway/bot, so the gateway's 4004 is what the bot meets.
        await using var h = await DiscordTestHarness.StartAsync(connect: false, token: "wrong", overrideGatewayUrl: true);

        await h.Reader.WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Equal(4004, h.Adapter.StoppedBecause?.CloseCode);
        Assert.Contains(h.Logs.Entries, e => e.Level == LogLevel.Critical && e.Message.Contains("the token is invalid", StringComparison.Ordinal));
        Assert.DoesNotContain(h.Server.Calls, c => c.Path == "/gateway/bot");
    }

    [Fact]
    public async Task A_rejected_token_on_gateway_bot_stops_the_adapter_too()
    {
        await using var h = await DiscordTestHarness.StartAsync(connect: false, token: "wrong");

        await h.Reader.WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Equal(401, Assert.Single(h.Server.Calls).Status);
        Assert.Contains(h.Logs.Entries, e => e.Level == LogLevel.Critical && e.Message.Contains("the token is invalid", StringComparison.Ordinal));
        Assert.Empty(h.Gateway.Connections);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        TestServices.Build(settings, (services, configuration) => services.AddDiscordAdapter(configuration));
}

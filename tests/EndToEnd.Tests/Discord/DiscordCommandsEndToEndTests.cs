using CodeCube.Adapters.Tests.Discord;
using CodeCube.EndToEnd.Tests.Infrastructure;
using CodeCube.Host.Tests.Infrastructure;

namespace CodeCube.EndToEnd.Tests.Discord;

/// <summary>
/// /run and "Run code" through the real host and the Docker sandbox: an INTERACTION_CREATE from the local Discord,
/// answered with a deferral and then the reply in @original, with buttons whose Run again runs the snippet again.
/// </summary>
public sealed class DiscordCommandsEndToEndTests : IAsyncLifetime
{
    private const string ChannelId = "645027906669510667";
    private readonly RedisServerFixture _redis = new();
    private DiscordProtocolServer _discord = null!;
    private CodeCubeApp _app = null!;

    public async Task InitializeAsync()
    {
        await _redis.InitializeAsync();
        _discord = await DiscordProtocolServer.StartAsync();
        _app = CodeCubeApp.Start(_redis.Configuration, new Dictionary<string, string?>
        {
            ["Discord:Token"] = DiscordProtocolServer.Token,
            ["Discord:ApiBaseUrl"] = _discord.ApiBaseUrl,
            ["Discord:GatewayUrlOverride"] = _discord.WsRoot + "/gateway",
        });
        await _discord.Gateway.WaitForAsync(p => p.Op == 2);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _discord.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task Slash_run_is_deferred_then_answered_in_original_and_run_again_edits_it_in_place()
    {
        var token = await _discord.InteractAsync(2, DiscordProtocolServer.RunCommand("python", "print(6 * 7)"));

        var edit = await WebhookAsync(token, "PATCH");
        Assert.Equal(5, _discord.Callbacks.Single(c => c.Token == token).Type);
        var content = (string)edit.Json!["content"]!;
        Assert.StartsWith("```\n42\n```", content, StringComparison.Ordinal);
        var id = _app.PermalinkId(content);
        Assert.Equal("print(6 * 7)", (await _app.SnippetAsync(id)).Code);

        var click = await _discord.InteractAsync(3, new() { ["custom_id"] = $"codecube:again:{id}", ["component_type"] = 2 },
            message: new() { ["id"] = "1400000000000000001", ["channel_id"] = ChannelId });

        var again = await WebhookAsync(click, "PATCH");
        Assert.Equal(6, _discord.Callbacks.Single(c => c.Token == click).Type);
        var againContent = (string)again.Json!["content"]!;
        Assert.StartsWith("```\n42\n```", againContent, StringComparison.Ordinal);
        Assert.NotEqual(id, _app.PermalinkId(againContent));
    }

    [Fact]
    public async Task Run_code_runs_the_block_of_the_target_message()
    {
        var target = DiscordFixtures.Message("1290000000000000001", ChannelId, "this one:\n```py\nprint('run code')\n```");

        var token = await _discord.InteractAsync(2, DiscordProtocolServer.RunCodeCommand(target));

        var edit = await WebhookAsync(token, "PATCH");
        var content = (string)edit.Json!["content"]!;
        Assert.StartsWith("```\nrun code\n```", content, StringComparison.Ordinal);
        Assert.Equal("print('run code')", (await _app.SnippetAsync(_app.PermalinkId(content))).Code);
    }

    private async Task<RestCall> WebhookAsync(string token, string method)
    {
        var call = await Poll.UntilAsync(
            () => _discord.Calls.FirstOrDefault(c => c.Method == method && c.Path.Contains(token, StringComparison.Ordinal)
                && c.Path.EndsWith("/messages/@original", StringComparison.Ordinal)),
            60_000);
        Assert.InRange(call.Status, 200, 299);
        return call;
    }
}

using System.Text.Json.Nodes;

namespace CodeCube.EndToEnd.Tests.Discord;

/// <summary>
/// The real host pointed at a local Discord (REST v10 + gateway, written from the official docs): a user's message
/// arrives as a gateway dispatch, runs in the Docker sandbox and the answer is a REST call the server records.
/// </summary>
public sealed class DiscordEndToEndTests(ITestOutputHelper output) : EndToEndTest(output)
{
    private const string ChannelId = "290926798999357250";
    private const string GuildId = "290926798999357249";
    private DiscordProtocolServer _discord = null!;

    protected override async Task<IReadOnlyDictionary<string, string?>> StartServersAsync()
    {
        _discord = await DiscordProtocolServer.StartAsync();
        return new Dictionary<string, string?>
        {
            ["Discord:Token"] = DiscordProtocolServer.Token,
            ["Discord:ApiBaseUrl"] = _discord.ApiBaseUrl,
            ["Discord:GatewayUrlOverride"] = _discord.WsRoot + "/gateway",
        };
    }

    protected override async Task HostStartedAsync() => await _discord.Gateway.WaitForAsync(p => p.Op == 2);

    protected override ValueTask StopAroundAsync() => _discord.DisposeAsync();

    [Fact]
    public async Task A_fenced_python_block_gets_a_code_block_reply_with_the_footer_and_a_permalink_the_host_serves()
    {
        await SayAsync("MESSAGE_CREATE", "1200000000000000001", "!run\n```py\nprint(1)\n```");

        var reply = await NextMessageCallAsync("POST");
        var content = Content(reply);
        Assert.StartsWith("```\n1\n```", content, StringComparison.Ordinal);
        var version = await App.PythonVersionAsync();
        Assert.Contains($"python {version} · ", content, StringComparison.Ordinal);
        Assert.Equal("1200000000000000001", reply.Json!["message_reference"]?["message_id"]?.GetValue<string>());
        var snippet = await App.SnippetAsync(App.PermalinkId(content));
        Assert.Equal("print(1)", snippet.Code);
        Assert.Equal("1\n", snippet.Stdout);
        Assert.Equal(version, snippet.Version);
    }

    [Fact]
    public async Task Editing_the_run_message_reruns_and_edits_the_reply_and_deleting_it_deletes_the_reply()
    {
        await SayAsync("MESSAGE_CREATE", "1200000000000000002", "!run\n```py\nprint(1)\n```");
        Assert.StartsWith("```\n1\n```", Content(await NextMessageCallAsync("POST")), StringComparison.Ordinal);

        await SayAsync("MESSAGE_UPDATE", "1200000000000000002", "!run\n```py\nprint(2)\n```");
        var edit = await NextMessageCallAsync("PATCH");
        // The bot created exactly one message (its reply), so the message it edits and deletes is that reply.
        var replyId = edit.Path[(edit.Path.LastIndexOf('/') + 1)..];
        Assert.NotEqual("1200000000000000002", replyId);
        Assert.StartsWith("```\n2\n```", Content(edit), StringComparison.Ordinal);
        Assert.Equal("print(2)", (await App.SnippetAsync(App.PermalinkId(Content(edit)))).Code);

        await _discord.Gateway.DispatchAsync("MESSAGE_DELETE", new JsonObject
        {
            ["id"] = "1200000000000000002",
            ["channel_id"] = ChannelId,
            ["guild_id"] = GuildId,
        });
        var delete = await NextMessageCallAsync("DELETE");
        Assert.Equal($"/channels/{ChannelId}/messages/{replyId}", delete.Path);
        Assert.Single(_discord.Calls, c => c.Method == "POST" && c.Path.EndsWith("/messages", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_edit_sent_while_the_first_run_is_still_running_edits_the_reply()
    {
        await SayAsync("MESSAGE_CREATE", "1200000000000000005", "!run\n```py\nprint(1)\n```");
        await SayAsync("MESSAGE_UPDATE", "1200000000000000005", "!run\n```py\nprint(2)\n```");

        Assert.StartsWith("```\n1\n```", Content(await NextMessageCallAsync("POST")), StringComparison.Ordinal);
        var edit = await NextMessageCallAsync("PATCH");
        Assert.StartsWith("```\n2\n```", Content(edit), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Output_of_five_thousand_characters_arrives_as_an_attachment()
    {
        await SayAsync("MESSAGE_CREATE", "1200000000000000003", "!run\n```py\nprint('x' * 5000)\n```");

        var reply = await NextMessageCallAsync("POST");
        var file = Assert.Single(reply.Files);
        Assert.Contains(new string('x', 5000), Encoding.UTF8.GetString(file.Content), StringComparison.Ordinal);
        Assert.True(Content(reply).Length <= 2000);
        var snippet = await App.SnippetAsync(App.PermalinkId(Content(reply)));
        Assert.Equal(new string('x', 5000) + "\n", snippet.Stdout);
    }

    [Fact]
    public async Task Everyone_in_the_output_does_not_ping()
    {
        await SayAsync("MESSAGE_CREATE", "1200000000000000004", "!run\n```py\nprint('@everyone look')\n```");

        var reply = await NextMessageCallAsync("POST");
        Assert.Empty(reply.Json!["allowed_mentions"]!["parse"]!.AsArray());
        var content = Content(reply);
        Assert.DoesNotContain("@everyone", content, StringComparison.Ordinal);
        Assert.Contains("everyone look", content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Slash_run_is_deferred_then_answered_in_original_and_run_again_edits_it_in_place()
    {
        var token = await _discord.InteractAsync(2, DiscordProtocolServer.RunCommand("python", "print(6 * 7)"), channelId: ChannelId);

        var edit = await OriginalAsync(token);
        Assert.Equal(5, _discord.Callbacks.Single(c => c.Token == token).Type);
        Assert.StartsWith("```\n42\n```", Content(edit), StringComparison.Ordinal);
        var id = App.PermalinkId(Content(edit));
        Assert.Equal("print(6 * 7)", (await App.SnippetAsync(id)).Code);

        var click = await _discord.InteractAsync(3, new JsonObject { ["custom_id"] = $"codecube:again:{id}", ["component_type"] = 2 },
            channelId: ChannelId, message: new JsonObject { ["id"] = "1400000000000000001", ["channel_id"] = ChannelId });

        var again = await OriginalAsync(click);
        Assert.Equal(6, _discord.Callbacks.Single(c => c.Token == click).Type);
        Assert.StartsWith("```\n42\n```", Content(again), StringComparison.Ordinal);
        Assert.NotEqual(id, App.PermalinkId(Content(again)));
    }

    [Fact]
    public async Task Run_code_runs_the_block_of_the_target_message()
    {
        var target = DiscordFixtures.Message("1290000000000000001", ChannelId, "this one:\n```py\nprint('run code')\n```");

        var token = await _discord.InteractAsync(2, DiscordProtocolServer.RunCodeCommand(target), channelId: ChannelId);

        var content = Content(await OriginalAsync(token));
        Assert.StartsWith("```\nrun code\n```", content, StringComparison.Ordinal);
        Assert.Equal("print('run code')", (await App.SnippetAsync(App.PermalinkId(content))).Code);
    }

    private async Task<RestCall> OriginalAsync(string token)
    {
        var call = await Eventually.ValueAsync(
            () => _discord.Calls.FirstOrDefault(c => c.Method == "PATCH" && c.Path.EndsWith($"/{token}/messages/@original", StringComparison.Ordinal)),
            "the edit of the interaction's @original", RunTimeout);
        Assert.InRange(call.Status, 200, 299);
        return call;
    }

    private Task SayAsync(string type, string id, string content) =>
        _discord.Gateway.DispatchAsync(type, DiscordFixtures.Message(id, ChannelId, content, guildId: GuildId));

    private int _seen;

    /// <summary>The next REST call on the channel's messages with this method, after those already looked at.</summary>
    private async Task<RestCall> NextMessageCallAsync(string method)
    {
        var call = await Eventually.ValueAsync(
            () => _discord.Calls.Skip(_seen).FirstOrDefault(c => c.Method == method && c.Path.StartsWith($"/channels/{ChannelId}/messages", StringComparison.Ordinal)),
            $"the bot's {method} on the channel's messages", RunTimeout);
        _seen = _discord.Calls.ToList().IndexOf(call) + 1;
        Assert.InRange(call.Status, 200, 299);
        return call;
    }

    private static string Content(RestCall call) => call.Json?["content"]?.GetValue<string>() ?? "";
}

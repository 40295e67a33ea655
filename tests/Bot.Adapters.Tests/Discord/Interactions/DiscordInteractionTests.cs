using System.Text.Json.Nodes;

namespace CodeCube.Adapters.Tests.Discord.Interactions;

/// <summary>Each interaction type through the adapter and the real pipeline, answered as receiving-and-responding says.</summary>
public sealed class DiscordInteractionTests
{
    private const string Author = "53908232506183680";
    private const string Channel = "645027906669510667";

    [Fact]
    public async Task Slash_run_with_code_defers_then_edits_original_with_the_reply_and_three_buttons()
    {
        await using var h = await DiscordPipelineHarness.StartAsync();

        var token = await h.Server.InteractAsync(2, DiscordProtocolServer.RunCommand("py", "print(1)", stdin: "in"));

        var edit = await h.Server.WaitForWebhookAsync(token, "PATCH");
        Assert.Equal([(token, 5)], h.Server.Callbacks);
        Assert.EndsWith("/messages/@original", edit.Path, StringComparison.Ordinal);
        var snippet = h.SnippetWithCode("print(1)");
        Assert.Equal(("python", "in", Author), (snippet.Language, snippet.Stdin, snippet.Author.UserId));
        Assert.StartsWith("```\nprint(1)\n```", (string?)edit.Json!["content"], StringComparison.Ordinal);
        Assert.Empty(edit.Json["allowed_mentions"]!["parse"]!.AsArray());
        var buttons = Buttons(edit);
        Assert.Equal(["Run again", "Delete", "Open"], buttons.Select(b => (string?)b["label"]));
        Assert.Equal($"codecube:again:{snippet.Id}", (string?)buttons[0]["custom_id"]);
        Assert.Equal($"codecube:delete:{snippet.Id}", (string?)buttons[1]["custom_id"]);
        Assert.Equal(5, (int)buttons[2]["style"]!);
        Assert.Equal($"{DiscordPipelineHarness.PublicBaseUrl}/s/{snippet.Id}", (string?)buttons[2]["url"]);
    }

    [Fact]
    public async Task The_deferral_is_sent_before_a_held_run_is_released()
    {
        await using var h = await DiscordPipelineHarness.StartAsync();
        h.Sandbox.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var token = await h.Server.InteractAsync(2, DiscordProtocolServer.RunCommand("py", "print(1)"));
        await h.Server.WaitForCallbackAsync(token);
        await Eventually.TrueAsync(() => h.Sandbox.Started == 1, "the run to start");

        // The run is still held: the deferral came first and nothing else has been sent for it yet.
        Assert.Equal([(token, 5)], h.Server.Callbacks);
        Assert.DoesNotContain(h.Server.Calls, c => c.Path.Contains(token + "/messages", StringComparison.Ordinal));
        h.Sandbox.Hold.SetResult();
        var edit = await h.Server.WaitForWebhookAsync(token, "PATCH");
        Assert.StartsWith("```\nprint(1)\n```", (string?)edit.Json!["content"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Slash_run_without_code_opens_a_form_and_the_submitted_form_runs_with_its_stdin()
    {
        await using var h = await DiscordPipelineHarness.StartAsync();

        var token = await h.Server.InteractAsync(2, DiscordProtocolServer.RunCommand("py"));
        var callback = await h.Server.WaitForCallbackAsync(token);
        Assert.Equal(9, (int)callback.Json!["type"]!);
        var modal = callback.Json["data"]!;
        Assert.Equal("codecube:form:python", (string?)modal["custom_id"]);
        var inputs = modal["components"]!.AsArray().Select(row => row!["components"]![0]!).ToList();
        Assert.Equal(["code", "stdin"], inputs.Select(i => (string?)i["custom_id"]));
        Assert.All(inputs, i => Assert.Equal(4, (int)i["type"]!));

        var submit = await h.Server.InteractAsync(5, new JsonObject
        {
            ["custom_id"] = "codecube:form:python",
            ["components"] = new JsonArray(
                Row(new JsonObject { ["type"] = 4, ["custom_id"] = "code", ["value"] = "print(input())" }),
                Row(new JsonObject { ["type"] = 4, ["custom_id"] = "stdin", ["value"] = "hello" })),
        });

        var edit = await h.Server.WaitForWebhookAsync(submit, "PATCH");
        Assert.Equal(5, h.Server.Callbacks.Single(c => c.Token == submit).Type);
        Assert.StartsWith("```\nprint(input())\n```", (string?)edit.Json!["content"], StringComparison.Ordinal);
        Assert.Equal("hello", h.SnippetWithCode("print(input())").Stdin);
    }

    [Fact]
    public async Task Run_code_runs_the_code_block_of_the_target_message_from_resolved_messages()
    {
        await using var h = await DiscordPipelineHarness.StartAsync();
        var target = DiscordFixtures.Message("1250000000000000001", Channel, "try this:\n```py\nprint(3)\n```");

        var token = await h.Server.InteractAsync(2, DiscordProtocolServer.RunCodeCommand(target));

        var edit = await h.Server.WaitForWebhookAsync(token, "PATCH");
        Assert.StartsWith("```\nprint(3)\n```", (string?)edit.Json!["content"], StringComparison.Ordinal);
        var snippet = h.SnippetWithCode("print(3)");
        Assert.Equal("1250000000000000001", snippet.Origin.MessageId);
        Assert.Equal(Author, snippet.Author.UserId);
    }

    [Fact]
    public async Task Autocomplete_answers_with_type_8_and_matching_languages()
    {
        await using var h = await DiscordPipelineHarness.StartAsync();

        var token = await h.Server.InteractAsync(4, new JsonObject
        {
            ["type"] = 1,
            ["name"] = "run",
            ["options"] = new JsonArray(new JsonObject { ["type"] = 3, ["name"] = "language", ["value"] = "py", ["focused"] = true }),
        });

        var callback = await h.Server.WaitForCallbackAsync(token);
        Assert.Equal(8, (int)callback.Json!["type"]!);
        var choice = Assert.Single(callback.Json["data"]!["choices"]!.AsArray());
        Assert.Equal("python", (string?)choice!["value"]);
        Assert.Equal("python 3.11.2", (string?)choice["name"]);
    }

    [Fact]
    public async Task An_unknown_language_is_answered_at_once_and_only_to_the_caller()
    {
        await using var h = await DiscordPipelineHarness.StartAsync();

        var token = await h.Server.InteractAsync(2, DiscordProtocolServer.RunCommand("cobol", "DISPLAY 1"));

        var callback = await h.Server.WaitForCallbackAsync(token);
        Assert.Equal(4, (int)callback.Json!["type"]!);
        Assert.Equal(64, (int)callback.Json["data"]!["flags"]!);
        Assert.Contains("unknown language 'cobol'", (string?)callback.Json["data"]!["content"], StringComparison.Ordinal);
        Assert.Empty(h.Sandbox.Requests);
    }

    [Fact]
    public async Task Run_again_defers_the_update_and_edits_the_reply_in_place_with_the_new_snippet()
    {
        await using var h = await DiscordPipelineHarness.StartAsync();
        var (first, reply) = await RunAsync(h, "print(1)");

        var click = await h.Server.InteractAsync(3, Click($"codecube:again:{first}"), userId: "99", message: reply);

        var edit = await h.Server.WaitForWebhookAsync(click, "PATCH");
        Assert.Equal(6, h.Server.Callbacks.Single(c => c.Token == click).Type);
        var again = h.Snippets.Snippets.Values.Single(s => s.ParentId == first);
        Assert.Equal(("print(1)", "99"), (again.Code, again.Author.UserId));
        Assert.Equal($"codecube:again:{again.Id}", (string?)Buttons(edit)[0]["custom_id"]);
    }

    [Fact]
    public async Task Delete_by_the_author_deletes_the_reply()
    {
        await using var h = await DiscordPipelineHarness.StartAsync();
        var (id, reply) = await RunAsync(h, "print(1)");

        var click = await h.Server.InteractAsync(3, Click($"codecube:delete:{id}"), permissions: "0", message: reply);

        await h.Server.WaitForWebhookAsync(click, "DELETE");
        Assert.Equal(6, h.Server.Callbacks.Single(c => c.Token == click).Type);
    }

    [Fact]
    public async Task Delete_by_someone_else_gets_an_ephemeral_answer_and_the_reply_stays()
    {
        await using var h = await DiscordPipelineHarness.StartAsync();
        var (id, reply) = await RunAsync(h, "print(1)");

        var click = await h.Server.InteractAsync(3, Click($"codecube:delete:{id}"), userId: "99", permissions: "0", message: reply);

        var callback = await h.Server.WaitForCallbackAsync(click);
        Assert.Equal(4, (int)callback.Json!["type"]!);
        Assert.Equal(64, (int)callback.Json["data"]!["flags"]!);
        Assert.Contains("only the person who ran this", (string?)callback.Json["data"]!["content"], StringComparison.Ordinal);
        Assert.DoesNotContain(h.Server.Calls, c => c.Method == "DELETE");
    }

    [Fact]
    public async Task Delete_by_someone_with_manage_messages_deletes_the_reply()
    {
        await using var h = await DiscordPipelineHarness.StartAsync();
        var (id, reply) = await RunAsync(h, "print(1)");

        var click = await h.Server.InteractAsync(3, Click($"codecube:delete:{id}"), userId: "99", permissions: "8192", message: reply);

        await h.Server.WaitForWebhookAsync(click, "DELETE");
    }

    [Fact]
    public async Task A_forged_custom_id_is_ignored()
    {
        await using var h = await DiscordPipelineHarness.StartAsync();

        await h.Server.InteractAsync(3, Click("codecube:again:../../etc"), message: new JsonObject { ["id"] = "1" });
        var token = await h.Server.InteractAsync(2, DiscordProtocolServer.RunCommand("py", "print(1)"));

        // Interactions are handled in order of arrival by free workers; the forged one got no answer at all.
        await h.Server.WaitForWebhookAsync(token, "PATCH");
        Assert.Single(h.Server.Callbacks);
        Assert.Single(h.Sandbox.Requests);
    }

    [Fact]
    public async Task A_run_message_reply_carries_the_buttons_too()
    {
        await using var h = await DiscordPipelineHarness.StartAsync();

        await h.Server.Gateway.DispatchAsync("MESSAGE_CREATE", DiscordFixtures.Message("1260000000000000001", Channel, "!run py print(5)"));

        var post = await h.Server.WaitForCallAsync(c => c.Method == "POST" && c.Path == $"/channels/{Channel}/messages");
        var snippet = h.SnippetWithCode("print(5)");
        Assert.Equal($"codecube:again:{snippet.Id}", (string?)Buttons(post)[0]["custom_id"]);
    }

    [Fact]
    public async Task Without_the_message_content_intent_the_bot_reconnects_without_it_and_serves_commands()
    {
        await using var h = await DiscordPipelineHarness.StartAsync(s => s.Gateway.DisallowedIntents = 1 << 15);
        await h.Time.AdvanceUntilAsync(() => h.Server.Gateway.Received.Any(p => p.Op == 2 && p.Connection == 1),
            "the second IDENTIFY, 5 s after the first", atMost: TimeSpan.FromSeconds(10));
        await h.Server.Gateway.WaitForAsync(p => p.Op == 2 && p.Connection == 1);
        var identifies = h.Server.Gateway.Received.Where(p => p.Op == 2).ToList();
        Assert.Equal(37377, (int)identifies[0].Payload["d"]!["intents"]!);
        Assert.Equal(37377 & ~(1 << 15), (int)identifies[1].Payload["d"]!["intents"]!);
        Assert.Single(h.Logs.Entries, e => e.Message.Contains("close 4014", StringComparison.Ordinal));

        var token = await h.Server.InteractAsync(2, DiscordProtocolServer.RunCommand("py", "print(1)"));
        await h.Server.WaitForWebhookAsync(token, "PATCH");
    }

    private static async Task<(string SnippetId, JsonObject Reply)> RunAsync(DiscordPipelineHarness h, string code)
    {
        var token = await h.Server.InteractAsync(2, DiscordProtocolServer.RunCommand("py", code));
        await h.Server.WaitForWebhookAsync(token, "PATCH");
        var id = h.SnippetWithCode(code).Id;
        return (id, new JsonObject { ["id"] = "1400000000000000001", ["channel_id"] = Channel });
    }

    private static JsonObject Click(string customId) => new() { ["custom_id"] = customId, ["component_type"] = 2 };

    private static JsonObject Row(JsonObject input) => new() { ["type"] = 1, ["components"] = new JsonArray(input) };

    private static List<JsonNode> Buttons(RestCall call)
    {
        var row = Assert.Single(call.Json!["components"]!.AsArray())!;
        Assert.Equal(1, (int)row["type"]!);
        return row["components"]!.AsArray().Select(b => b!).ToList();
    }
}

using System.Text.Json.Nodes;

namespace CodeCube.Adapters.Tests.Discord.Interactions;

/// <summary>Bulk overwrite at READY, and only when Discord's copy differs from ours (application-commands).</summary>
public sealed class DiscordCommandRegistrationTests
{
    [Fact]
    public async Task Ready_registers_run_with_an_autocompleted_language_and_the_run_code_message_command()
    {
        await using var h = await DiscordPipelineHarness.StartAsync();

        var put = await h.Server.WaitForCallAsync(c => c.Method == "PUT");
        Assert.Equal($"/applications/{DiscordProtocolServer.ApplicationId}/commands", put.Path);
        var commands = h.Server.CommandsIn("")!;
        var run = commands.Single(c => (string?)c!["name"] == "run")!;
        Assert.Equal(1, (int)run["type"]!);
        var options = run["options"]!.AsArray();
        Assert.Equal(["language", "code", "stdin"], options.Select(o => (string?)o!["name"]));
        Assert.All(options, o => Assert.Equal(3, (int)o!["type"]!));
        Assert.True((bool)options[0]!["required"]!);
        Assert.True((bool)options[0]!["autocomplete"]!);
        Assert.False((bool)options[1]!["required"]!);
        var runCode = commands.Single(c => (string?)c!["name"] == "Run code")!;
        Assert.Equal(3, (int)runCode["type"]!);
    }

    [Fact]
    public async Task Commands_Discord_already_holds_are_not_registered_again()
    {
        JsonArray? registered;
        await using (var first = await DiscordPipelineHarness.StartAsync())
        {
            await first.Server.WaitForCallAsync(c => c.Method == "PUT");
            registered = first.Server.CommandsIn("");
        }

        await using var h = await DiscordPipelineHarness.StartAsync(s => s.SeedCommands("", (JsonArray)registered!.DeepClone()));

        await h.Server.WaitForCallAsync(c => c.Method == "GET" && c.Path.EndsWith("/commands", StringComparison.Ordinal));
        await Eventually.TrueAsync(() => h.Logs.Entries.Any(e => e.Message.Contains("already up to date", StringComparison.Ordinal)),
            "the registrar to find the commands up to date");
        Assert.DoesNotContain(h.Server.Calls, c => c.Method == "PUT");
    }

    [Fact]
    public async Task A_changed_definition_is_overwritten_and_guild_ids_register_per_guild()
    {
        var old = new JsonArray(new JsonObject { ["name"] = "run", ["type"] = 1, ["description"] = "old" });
        await using var h = await DiscordPipelineHarness.StartAsync(
            s => s.SeedCommands("81384788765712384", old),
            new Dictionary<string, string?> { ["Discord:GuildIds:0"] = "81384788765712384" });

        var put = await h.Server.WaitForCallAsync(c => c.Method == "PUT");
        Assert.Equal($"/applications/{DiscordProtocolServer.ApplicationId}/guilds/81384788765712384/commands", put.Path);
        Assert.Equal(2, h.Server.CommandsIn("81384788765712384")!.Count);
        Assert.Null(h.Server.CommandsIn(""));
    }
}

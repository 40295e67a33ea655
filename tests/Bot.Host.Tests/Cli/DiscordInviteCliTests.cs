using CodeCube.Host.Cli;
using Microsoft.Extensions.Configuration;

namespace CodeCube.Host.Tests.Cli;

public sealed class DiscordInviteCliTests
{
    private static async Task<(int Code, string Out, string Err)> InviteAsync(Dictionary<string, string?> settings)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CliApp.RunAsync(["discord-invite"], stdout, stderr, b => b.AddInMemoryCollection(settings),
            CancellationToken.None);
        return (code, stdout.ToString().Trim(), stderr.ToString().Trim());
    }

    [Fact]
    public async Task Prints_the_oauth2_url_with_both_scopes_and_the_application_id_from_the_token()
    {
        // The part of a bot token before the first dot is the bot's user id in base64.
        var (code, url, _) = await InviteAsync(new() { ["Discord:Token"] = "NzkyNzE1NDU0MTk2MDg4ODQy.GxYz.abc" });

        Assert.Equal(0, code);
        // View Channel, Send Messages, Attach Files, Read Message History, Send Messages in Threads.
        var permissions = (1L << 10) | (1L << 11) | (1L << 15) | (1L << 16) | (1L << 38);
        Assert.Equal("https://discord.com/oauth2/authorize?client_id=792715454196088842"
            + $"&scope=bot%20applications.commands&permissions={permissions}", url);
    }

    [Fact]
    public async Task Without_message_content_the_bot_does_not_ask_to_read_history()
    {
        var (_, url, _) = await InviteAsync(new()
        {
            ["Discord:ApplicationId"] = "1234567890",
            ["Discord:MessageContent"] = "false",
        });

        Assert.EndsWith($"client_id=1234567890&scope=bot%20applications.commands&permissions={(1L << 10) | (1L << 11) | (1L << 15) | (1L << 38)}",
            url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_token_or_application_id_it_says_which_key_to_set()
    {
        var (code, _, err) = await InviteAsync([]);

        Assert.Equal(CliApp.UsageError, code);
        Assert.Contains("Discord__Token", err, StringComparison.Ordinal);
    }
}

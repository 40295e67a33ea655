using CodeCube.Adapters.Tests.Irc;

namespace CodeCube.EndToEnd.Tests.Irc;

internal static class IrcWait
{
    /// <summary>
    /// Waits until the bot is in the channel. It may join before or after the user; a NAMES reply listing it
    /// settles which without racing the JOIN.
    /// </summary>
    public static async Task UntilInChannelAsync(RawIrcUser user, string channel, string botNick)
    {
        for (var attempt = 0; ; attempt++)
        {
            await user.SendAsync($"NAMES {channel}");
            var names = await user.WaitForAsync(l => l.Contains(" 353 ", StringComparison.Ordinal) || l.Contains(" 366 ", StringComparison.Ordinal));
            var listed = names.Contains(" 353 ", StringComparison.Ordinal) && names.Contains(botNick, StringComparison.Ordinal);
            if (names.Contains(" 353 ", StringComparison.Ordinal))
            {
                await user.WaitForAsync(l => l.Contains(" 366 ", StringComparison.Ordinal));
            }

            if (listed)
            {
                return;
            }

            Assert.True(attempt < 600, $"{botNick} never joined {channel}");
            await Task.Delay(100);
        }
    }

    /// <summary>The next <paramref name="count"/> PRIVMSG texts from the bot; other people's lines are skipped.</summary>
    public static async Task<string[]> BotLinesAsync(RawIrcUser user, string botNick, int count)
    {
        var lines = new List<string>();
        while (lines.Count < count)
        {
            var raw = await user.NextPrivmsgRawAsync(TimeSpan.FromSeconds(60));
            if (RawIrcUser.Decode(raw).StartsWith($":{botNick}!", StringComparison.Ordinal))
            {
                lines.Add(RawIrcUser.PrivmsgText(raw));
            }
        }

        return [.. lines];
    }
}

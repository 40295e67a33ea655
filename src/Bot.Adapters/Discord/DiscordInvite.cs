using System.Text;

namespace CodeCube.Adapters.Discord;

/// <summary>
/// The OAuth2 URL that adds the bot to a server: scopes <c>bot applications.commands</c>, and only the permissions
/// the configuration needs (permissions docs: bit values). Slash commands and their answers need none; replies to
/// messages do.
/// </summary>
public static class DiscordInvite
{
    public const long ViewChannel = 1L << 10;
    public const long SendMessages = 1L << 11;
    public const long AttachFiles = 1L << 15;
    public const long ReadMessageHistory = 1L << 16;
    public const long SendMessagesInThreads = 1L << 38;

    /// <summary>Reply in channels and threads with files; reading history only when !run messages are read.</summary>
    public static long Permissions(DiscordOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var permissions = ViewChannel | SendMessages | SendMessagesInThreads | AttachFiles;
        // Replies reference the command message, and a reply-to-code !run reads the message it answers.
        return options.MessageContent ? permissions | ReadMessageHistory : permissions;
    }

    /// <summary>Discord:ApplicationId, else the bot's user id, which a token carries base64-encoded before its first dot.</summary>
    public static string? ApplicationId(DiscordOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.ApplicationId))
        {
            return options.ApplicationId.Trim();
        }

        var first = options.Token.Split('.')[0];
        var padded = first.PadRight(first.Length + ((4 - (first.Length % 4)) % 4), '=');
        try
        {
            var id = Encoding.ASCII.GetString(Convert.FromBase64String(padded));
            return id.Length > 0 && id.All(char.IsAsciiDigit) ? id : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static string Url(string applicationId, long permissions) =>
        $"https://discord.com/oauth2/authorize?client_id={Uri.EscapeDataString(applicationId)}"
        + $"&scope=bot%20applications.commands&permissions={permissions}";
}

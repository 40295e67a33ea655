using CodeCube.Adapters.Discord;

namespace CodeCube.Host.Cli;

/// <summary>`codecube discord-invite`: prints the URL that adds the bot to a Discord server.</summary>
internal static class CliDiscordInvite
{
    public static int Run(IConfiguration configuration, TextWriter stdout, TextWriter stderr)
    {
        var options = new DiscordOptions();
        configuration.GetSection(DiscordOptions.Section).Bind(options);
        var application = DiscordInvite.ApplicationId(options);
        if (application is null)
        {
            stderr.WriteLine("codecube: set Discord__Token (or Discord__ApplicationId) to build the invite URL");
            return CliApp.UsageError;
        }

        stdout.WriteLine(DiscordInvite.Url(application, DiscordInvite.Permissions(options)));
        return 0;
    }
}

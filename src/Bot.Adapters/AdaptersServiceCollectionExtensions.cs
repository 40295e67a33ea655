using CodeCube.Adapters.Discord;
using CodeCube.Adapters.Irc;
using CodeCube.Adapters.Slack;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CodeCube.Adapters;

public static class AdaptersServiceCollectionExtensions
{
    /// <summary>Each adapter starts only when its section (Irc, Discord, Slack) is configured.</summary>
    public static IServiceCollection AddChatAdapters(this IServiceCollection services, IConfiguration configuration) =>
        services
            .AddIrcAdapter(configuration)
            .AddDiscordAdapter(configuration)
            .AddSlackAdapter(configuration);
}

using System.Globalization;
using CodeCube.Core.Contracts;
using CodeCube.Core.Moderation;
using CodeCube.Host.Admin;
using CodeCube.Host.Storage;
using StackExchange.Redis;

namespace CodeCube.Host.Cli;

/// <summary>
/// <c>codecube admin ...</c>: the moderation API's actions straight on Redis (Redis:Configuration), for an operator
/// on the machine; access to Redis is already full access, so no admin token is asked for.
/// </summary>
internal static class CliAdmin
{
    public const string Usage =
        "usage: codecube admin delete ID | ban PLATFORM:USER | unban PLATFORM:USER | bans | runs [--limit N]";

    public static async Task<int> RunAsync(
        IReadOnlyList<string> words, IConfiguration configuration, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddLogging();
        services.AddRedisStorage(configuration);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await using var disposeProvider = provider.ConfigureAwait(false);
        var moderation = provider.GetRequiredService<IModerationStore>();
        try
        {
            return words switch
            {
                ["delete", var id] => await DeleteAsync(moderation, id, stdout, stderr, ct).ConfigureAwait(false),
                ["ban", var user] => await BanAsync(moderation, user, ban: true, stdout, stderr, ct).ConfigureAwait(false),
                ["unban", var user] => await BanAsync(moderation, user, ban: false, stdout, stderr, ct).ConfigureAwait(false),
                ["bans"] => await ListBansAsync(moderation, stdout, ct).ConfigureAwait(false),
                ["runs"] => await RunsAsync(moderation, AdminEndpoints.DefaultRunsLimit, stdout, ct).ConfigureAwait(false),
                ["runs", "--limit", var n] when int.TryParse(n, CultureInfo.InvariantCulture, out var limit)
                    && limit is >= 1 and <= AdminEndpoints.MaxRunsLimit => await RunsAsync(moderation, limit, stdout, ct).ConfigureAwait(false),
                _ => Fail(stderr, Usage, CliApp.UsageError),
            };
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return Fail(stderr, $"redis does not answer ({e.Message.Split('\n')[0]}); check Redis__Configuration or run ./codecube doctor",
                CliApp.SandboxFailed);
        }
    }

    private static async Task<int> DeleteAsync(IModerationStore moderation, string id, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (await moderation.RemoveSnippetAsync(id, ct).ConfigureAwait(false))
        {
            await stdout.WriteLineAsync($"removed snippet {id}; its permalink now answers 410 Gone").ConfigureAwait(false);
            return 0;
        }

        return await moderation.IsRemovedAsync(id, ct).ConfigureAwait(false)
            ? Fail(stdout, $"snippet {id} was removed already", 0)
            : Fail(stderr, $"there is no snippet {id}", 1);
    }

    private static async Task<int> BanAsync(
        IModerationStore moderation, string text, bool ban, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (!PlatformUser.TryParse(text, out var user))
        {
            return Fail(stderr, $"'{text}' is not PLATFORM:USER (e.g. discord:80351110224678912, irc:nick)", CliApp.UsageError);
        }

        var changed = ban
            ? await moderation.BanAsync(user, ct).ConfigureAwait(false)
            : await moderation.UnbanAsync(user, ct).ConfigureAwait(false);
        var message = (ban, changed) switch
        {
            (true, true) => $"banned {user}",
            (true, false) => $"{user} was banned already",
            (false, true) => $"unbanned {user}",
            (false, false) => $"{user} was not banned",
        };
        await stdout.WriteLineAsync(message).ConfigureAwait(false);
        return 0;
    }

    private static async Task<int> ListBansAsync(IModerationStore moderation, TextWriter stdout, CancellationToken ct)
    {
        foreach (var user in await moderation.BansAsync(ct).ConfigureAwait(false))
        {
            await stdout.WriteLineAsync(user.ToString()).ConfigureAwait(false);
        }

        return 0;
    }

    private static async Task<int> RunsAsync(IModerationStore moderation, int limit, TextWriter stdout, CancellationToken ct)
    {
        foreach (var run in await moderation.RecentRunsAsync(limit, ct).ConfigureAwait(false))
        {
            var where = run.Origin.ChannelId.Length == 0 ? run.Origin.Platform : $"{run.Origin.Platform}/{run.Origin.ChannelId}";
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{run.CreatedAt:yyyy-MM-dd HH:mm:ss}  {run.Id}  {run.Language,-10} {run.Outcome.ToWire(),-13} {where}  {run.Author.Platform}:{run.Author.UserId}"))
                .ConfigureAwait(false);
        }

        return 0;
    }

    private static int Fail(TextWriter writer, string message, int code)
    {
        writer.WriteLine(code == 0 ? message : $"codecube: {message}");
        return code;
    }
}

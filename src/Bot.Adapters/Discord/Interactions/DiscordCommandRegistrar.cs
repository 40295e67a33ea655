using System.Text.Json.Nodes;
using CodeCube.Adapters.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CodeCube.Adapters.Discord.Interactions;

/// <summary>
/// Registers the commands at READY with a bulk overwrite, globally or per guild (Discord:GuildIds, instant), but
/// only when Discord's copy differs from ours: creates are limited per day, and every reconnect sees a READY.
/// Runs beside the gateway (never inside its receive loop); a failure is logged and retried at the next READY.
/// </summary>
internal sealed class DiscordCommandRegistrar(
    DiscordRestClient rest, IOptions<DiscordOptions> options, ILogger<DiscordCommandRegistrar> logger)
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _upToDate = [];
    private Task _running = Task.CompletedTask;

    /// <summary>Completes when the registration started last is done.</summary>
    public Task Idle { get { lock (_gate) { return _running; } } }

    public void OnReady(string applicationId, CancellationToken ct)
    {
        lock (_gate)
        {
            if (_running.IsCompleted)
            {
                _running = EnsureAsync(applicationId, ct);
            }
        }
    }

    private async Task EnsureAsync(string applicationId, CancellationToken ct)
    {
        await Task.Yield();
        var definitions = DiscordCommands.Definitions();
        var hash = DiscordCommands.Hash(definitions);
        var guilds = options.Value.GuildIds;
        var scopes = guilds.Length == 0
            ? [$"applications/{applicationId}/commands"]
            : guilds.Select(g => $"applications/{applicationId}/guilds/{g}/commands").ToArray();
        foreach (var scope in scopes)
        {
            if (_upToDate.Contains(scope + "#" + hash))
            {
                continue;
            }

            try
            {
                var current = await rest.GetCommandsAsync(applicationId, scope, ct).ConfigureAwait(false);
                if (DiscordCommands.Hash(current) == hash)
                {
                    logger.CommandsUpToDate(scope);
                }
                else
                {
                    await rest.OverwriteCommandsAsync(applicationId, scope, (JsonArray)definitions.DeepClone(), ct)
                        .ConfigureAwait(false);
                    logger.CommandsRegistered(scope);
                }

                _upToDate.Add(scope + "#" + hash);
            }
            catch (Exception ex) when (ex is DiscordApiException or HttpRequestException && !ct.IsCancellationRequested)
            {
                logger.CommandRegistrationFailed(ex, scope);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
        }
    }
}

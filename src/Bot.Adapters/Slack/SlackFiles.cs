using System.Text.Json;
using CodeCube.Adapters.Files;
using CodeCube.Core.Attachments;
using Microsoft.Extensions.Options;

namespace CodeCube.Adapters.Slack;

/// <summary>
/// Files shared with a message (name, size, url_private) and their download with the bot token (files:read), only
/// from Slack:FileHosts: the token must never travel to any other host.
/// </summary>
internal sealed class SlackFiles(BoundedDownload download, IOptions<SlackOptions> options) : IFileSource
{
    public static IReadOnlyList<ChatFile>? Read(JsonElement message) =>
        AttachedFiles.Read(message, "files", "name", "url_private");

    public Task<FileDownload> DownloadAsync(ChatFile file, long maxBytes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(file);
        return BoundedDownload.IsAllowed(file.Source, options.Value.FileHosts, out var url)
            ? download.GetAsync(url, maxBytes, options.Value.BotToken, ct)
            : Task.FromResult(FileDownload.Of(DownloadStatus.NotAllowed));
    }
}

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
    public static IReadOnlyList<ChatFile>? Read(JsonElement message)
    {
        if (!message.TryGetProperty("files", out var files) || files.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var list = new List<ChatFile>();
        foreach (var f in files.EnumerateArray())
        {
            if (f.ValueKind == JsonValueKind.Object
                && f.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String
                && f.TryGetProperty("url_private", out var url) && url.ValueKind == JsonValueKind.String
                && f.TryGetProperty("size", out var size) && size.ValueKind == JsonValueKind.Number)
            {
                list.Add(new ChatFile(name.GetString()!, size.GetInt64(), url.GetString()!));
            }
        }

        return list.Count == 0 ? null : list;
    }

    public Task<FileDownload> DownloadAsync(ChatFile file, long maxBytes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(file);
        return BoundedDownload.IsAllowed(file.Source, options.Value.FileHosts, out var url)
            ? download.GetAsync(url, maxBytes, options.Value.BotToken, ct)
            : Task.FromResult(FileDownload.Of(DownloadStatus.NotAllowed));
    }
}

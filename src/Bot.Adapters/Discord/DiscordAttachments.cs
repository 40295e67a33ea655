using System.Text.Json;
using CodeCube.Adapters.Files;
using CodeCube.Core.Attachments;
using Microsoft.Extensions.Options;

namespace CodeCube.Adapters.Discord;

/// <summary>A message's attachments (filename, size, url) and their download from Discord:AttachmentHosts only.</summary>
internal sealed class DiscordAttachments(BoundedDownload download, IOptions<DiscordOptions> options) : IFileSource
{
    public static IReadOnlyList<ChatFile>? Read(JsonElement message) =>
        AttachedFiles.Read(message, "attachments", "filename", "url");

    public Task<FileDownload> DownloadAsync(ChatFile file, long maxBytes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(file);
        return BoundedDownload.IsAllowed(file.Source, options.Value.AttachmentHosts, out var url)
            ? download.GetAsync(url, maxBytes, bearerToken: null, ct)
            : Task.FromResult(FileDownload.Of(DownloadStatus.NotAllowed));
    }
}

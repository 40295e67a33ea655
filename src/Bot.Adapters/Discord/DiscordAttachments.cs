using System.Text.Json;
using CodeCube.Adapters.Files;
using CodeCube.Core.Attachments;
using Microsoft.Extensions.Options;

namespace CodeCube.Adapters.Discord;

/// <summary>A message's attachments (filename, size, url) and their download from Discord:AttachmentHosts only.</summary>
internal sealed class DiscordAttachments(BoundedDownload download, IOptions<DiscordOptions> options) : IFileSource
{
    public static IReadOnlyList<ChatFile>? Read(JsonElement message)
    {
        if (!message.TryGetProperty("attachments", out var attachments) || attachments.ValueKind != JsonValueKind.Array
            || attachments.GetArrayLength() == 0)
        {
            return null;
        }

        var files = new List<ChatFile>();
        foreach (var a in attachments.EnumerateArray())
        {
            if (a.ValueKind == JsonValueKind.Object
                && a.TryGetProperty("filename", out var name) && name.ValueKind == JsonValueKind.String
                && a.TryGetProperty("url", out var url) && url.ValueKind == JsonValueKind.String
                && a.TryGetProperty("size", out var size) && size.ValueKind == JsonValueKind.Number)
            {
                files.Add(new ChatFile(name.GetString()!, size.GetInt64(), url.GetString()!));
            }
        }

        return files.Count == 0 ? null : files;
    }

    public Task<FileDownload> DownloadAsync(ChatFile file, long maxBytes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(file);
        return BoundedDownload.IsAllowed(file.Source, options.Value.AttachmentHosts, out var url)
            ? download.GetAsync(url, maxBytes, bearerToken: null, ct)
            : Task.FromResult(FileDownload.Of(DownloadStatus.NotAllowed));
    }
}

using System.Text.Json;
using CodeCube.Core.Attachments;

namespace CodeCube.Adapters.Files;

/// <summary>Reads the file objects of a message event; entries missing a name, URL or size are skipped.</summary>
internal static class AttachedFiles
{
    /// <param name="list">The message's array of files (Discord: attachments, Slack: files).</param>
    /// <param name="nameField">The file name (Discord: filename, Slack: name).</param>
    /// <param name="urlField">Where to fetch it (Discord: url, Slack: url_private).</param>
    public static IReadOnlyList<ChatFile>? Read(JsonElement message, string list, string nameField, string urlField)
    {
        if (message.ValueKind != JsonValueKind.Object || !message.TryGetProperty(list, out var files)
            || files.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var read = new List<ChatFile>();
        foreach (var f in files.EnumerateArray())
        {
            if (f.ValueKind == JsonValueKind.Object
                && f.TryGetProperty(nameField, out var name) && name.ValueKind == JsonValueKind.String
                && f.TryGetProperty(urlField, out var url) && url.ValueKind == JsonValueKind.String
                && f.TryGetProperty("size", out var size) && size.ValueKind == JsonValueKind.Number)
            {
                read.Add(new ChatFile(name.GetString()!, size.GetInt64(), url.GetString()!));
            }
        }

        return read.Count == 0 ? null : read;
    }
}

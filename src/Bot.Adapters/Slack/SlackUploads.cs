using System.Text.Json;
using System.Text.Json.Nodes;
using CodeCube.Core.Chat;

namespace CodeCube.Adapters.Slack;

/// <summary>
/// Slack's external upload flow: files.getUploadURLExternal, the bytes POSTed to the returned URL, then
/// files.completeUploadExternal to share the file in the channel's thread with the reply text as its comment.
/// </summary>
internal sealed class SlackUploads(SlackWebApi api)
{
    /// <summary>Uploads and shares a file; returns its file id (Slack posts the share message asynchronously).</summary>
    public async Task<string> UploadAsync(string channel, string? threadTs, string comment, ReplyAttachment file,
        CancellationToken ct)
    {
        var ticket = await api.CallFormAsync("files.getUploadURLExternal",
            [
                new("filename", file.FileName),
                new("length", file.Content.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ], ct).ConfigureAwait(false);
        var uploadUrl = Required(ticket, "upload_url");
        var fileId = Required(ticket, "file_id");
        await api.UploadBytesAsync(new Uri(uploadUrl), file.ContentType, file.Content, ct).ConfigureAwait(false);

        var files = new JsonArray { new JsonObject { ["id"] = fileId, ["title"] = file.FileName } };
        var complete = new List<KeyValuePair<string, string>>
        {
            new("files", files.ToJsonString()),
            new("channel_id", channel),
        };
        if (threadTs is not null)
        {
            complete.Add(new("thread_ts", threadTs));
        }

        if (!string.IsNullOrEmpty(comment))
        {
            complete.Add(new("initial_comment", SlackText.Cut(comment)));
        }

        await api.CallFormAsync("files.completeUploadExternal", complete, ct).ConfigureAwait(false);
        return fileId;
    }

    private static string Required(JsonElement response, string name) =>
        response.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new SlackApiException("files.getUploadURLExternal", $"no {name} in response");
}

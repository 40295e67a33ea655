using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CodeCube.Core.Chat;

namespace CodeCube.Adapters.Discord.Rest;

/// <summary>Create/edit message bodies. Every one carries allowed_mentions parse [] so output can never ping.</summary>
internal static class DiscordMessagePayloads
{
    public static JsonObject Create(string text, string? replyToMessageId, ReplyAttachment? file)
    {
        var payload = Body(text, file);
        if (replyToMessageId is not null)
        {
            // The reply still posts when the command message was deleted meanwhile.
            payload["message_reference"] = new JsonObject
            {
                ["message_id"] = replyToMessageId,
                ["fail_if_not_exists"] = false,
            };
        }

        return payload;
    }

    /// <summary>An edit lists the attachments to keep: none when the new reply has no file, so an old one goes.</summary>
    public static JsonObject Edit(string text, ReplyAttachment? file)
    {
        var payload = Body(text, file);
        payload["attachments"] ??= new JsonArray();
        return payload;
    }

    private static JsonObject Body(string text, ReplyAttachment? file)
    {
        var payload = new JsonObject
        {
            ["content"] = text,
            ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray() },
        };
        if (file is not null)
        {
            payload["attachments"] = new JsonArray(new JsonObject { ["id"] = 0, ["filename"] = file.FileName });
        }

        return payload;
    }

    /// <summary>JSON, or multipart with payload_json and files[0] when there is a file. New per attempt.</summary>
    public static HttpContent Content(JsonObject payload, ReplyAttachment? file)
    {
        var json = new StringContent(payload.ToJsonString(), Encoding.UTF8, "application/json");
        if (file is null)
        {
            return json;
        }

        var form = new MultipartFormDataContent { { json, "payload_json" } };
        var bytes = new ByteArrayContent(file.Content);
        bytes.Headers.ContentType = MediaTypeHeaderValue.Parse(file.ContentType);
        form.Add(bytes, "files[0]", file.FileName);
        return form;
    }
}

using System.Text;
using System.Text.Json.Nodes;
using CodeCube.Core.Chat;

namespace CodeCube.Adapters.Discord.Rest;

/// <summary>Application commands and interaction responses (receiving-and-responding).</summary>
internal sealed partial class DiscordRestClient
{
    public async Task<JsonArray> GetCommandsAsync(string applicationId, string path, CancellationToken ct)
    {
        using var doc = await SendAsync(HttpMethod.Get, "GET /applications/{id}/commands", applicationId, path, () => null, ct).ConfigureAwait(false);
        return doc is null ? [] : JsonNode.Parse(doc.RootElement.GetRawText()) as JsonArray ?? [];
    }

    /// <summary>Bulk overwrite: the commands not in <paramref name="commands"/> are removed.</summary>
    public async Task OverwriteCommandsAsync(string applicationId, string path, JsonArray commands, CancellationToken ct)
    {
        using var _ = await SendAsync(HttpMethod.Put, "PUT /applications/{id}/commands", applicationId, path,
            () => Json(commands), ct).ConfigureAwait(false);
    }

    /// <summary>The initial response; Discord accepts one per interaction, within 3 seconds.</summary>
    public async Task InteractionCallbackAsync(string interactionId, string token, JsonObject body, CancellationToken ct)
    {
        using var _ = await SendAsync(HttpMethod.Post, "POST /interactions/{id}/{token}/callback", interactionId,
            $"interactions/{interactionId}/{token}/callback", () => Json(body), ct).ConfigureAwait(false);
    }

    /// <summary>Edits the interaction's original response (or, for a button, the message it is on).</summary>
    public async Task EditOriginalAsync(
        string applicationId, string token, JsonObject payload, ReplyAttachment? file, CancellationToken ct)
    {
        using var _ = await SendAsync(HttpMethod.Patch, "PATCH /webhooks/{id}/{token}/messages/@original", applicationId + token,
            $"webhooks/{applicationId}/{token}/messages/@original", () => DiscordMessagePayloads.Content(payload, file), ct).ConfigureAwait(false);
    }

    public async Task DeleteOriginalAsync(string applicationId, string token, CancellationToken ct)
    {
        using var _ = await SendAsync(HttpMethod.Delete, "DELETE /webhooks/{id}/{token}/messages/@original", applicationId + token,
            $"webhooks/{applicationId}/{token}/messages/@original", () => null, ct).ConfigureAwait(false);
    }

    public async Task FollowupAsync(string applicationId, string token, JsonObject payload, CancellationToken ct)
    {
        using var _ = await SendAsync(HttpMethod.Post, "POST /webhooks/{id}/{token}", applicationId + token,
            $"webhooks/{applicationId}/{token}", () => Json(payload), ct).ConfigureAwait(false);
    }

    private static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");
}

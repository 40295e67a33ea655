using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace CodeCube.Testing.Discord;

/// <summary>The CDN side: attachments served by id, each GET recorded; the message carries the attachment object.</summary>
public sealed partial class DiscordProtocolServer
{
    private readonly ConcurrentDictionary<string, byte[]> attachments = new();
    private readonly ConcurrentQueue<string> attachmentGets = new();
    private long nextAttachmentId = 1_500_000_000_000_000_000;

    public IReadOnlyList<string> AttachmentDownloads => [.. attachmentGets];

    /// <summary>An attachment object (message.mdx) for content served here; <paramref name="declaredSize"/> may lie.</summary>
    public JsonObject Attachment(string fileName, byte[] content, long? declaredSize = null)
    {
        var id = Interlocked.Increment(ref nextAttachmentId).ToString(CultureInfo.InvariantCulture);
        attachments[id] = content;
        var url = $"{Root}/attachments/{id}/{Uri.EscapeDataString(fileName)}";
        return new JsonObject
        {
            ["id"] = id,
            ["filename"] = fileName,
            ["size"] = declaredSize ?? content.Length,
            ["url"] = url,
            ["proxy_url"] = url,
            ["content_type"] = "text/plain; charset=utf-8",
        };
    }

    private async Task ServeAttachmentAsync(HttpContext context, string id)
    {
        attachmentGets.Enqueue(id);
        if (!attachments.TryGetValue(id, out var content))
        {
            context.Response.StatusCode = 404;
            return;
        }

        context.Response.ContentType = "application/octet-stream";
        await context.Response.Body.WriteAsync(content);
    }
}

using Microsoft.AspNetCore.Http;

namespace CodeCube.Testing.Slack;

/// <summary>
/// The interactivity side of the local Slack: response_url endpoints (posts recorded by id; Slack answers a bare
/// "ok") and private file URLs that serve their content only to the bot token, as files:read requires.
/// </summary>
public sealed partial class SlackTestServer
{
    private readonly ConcurrentDictionary<string, byte[]> _files = new();

    /// <summary>Messages posted to <see cref="ResponseUrl"/>, by id, in order.</summary>
    public ConcurrentQueue<(string Id, JsonObject Message)> Responses { get; } = new();

    /// <summary>The Authorization header of each private file download, in order.</summary>
    public ConcurrentQueue<string> FileDownloads { get; } = new();

    /// <summary>A response_url as Slack hands out with a command or an interaction.</summary>
    public Uri ResponseUrl(string id) => new(BaseUrl, "response/" + id);

    public Task<JsonObject> WaitForResponseAsync(string id, int count = 1, TimeSpan? within = null) =>
        Eventually.ValueAsync(
            () => Responses.Where(r => r.Id == id).Select(r => r.Message).Skip(count - 1).FirstOrDefault(),
            $"response_url {id} to be posted to {count} time(s)", within);

    /// <summary>A file object (as in a file_share message) whose url_private serves the content to the bot token.</summary>
    public JsonObject SharedFile(string name, byte[] content)
    {
        var id = "F" + Interlocked.Increment(ref _tickets);
        _files[id] = content;
        return new JsonObject
        {
            ["id"] = id,
            ["name"] = name,
            ["size"] = content.Length,
            ["mimetype"] = "text/plain",
            ["url_private"] = new Uri(BaseUrl, $"files-pri/{id}/{Uri.EscapeDataString(name)}").AbsoluteUri,
        };
    }

    private async Task ResponseAsync(HttpContext context, string id)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body);
        Responses.Enqueue((id, body!.AsObject()));
        await context.Response.WriteAsync("ok");
    }

    // Without the bot token Slack answers url_private with a login page; here a 403.
    private async Task PrivateFileAsync(HttpContext context, string id)
    {
        var auth = context.Request.Headers.Authorization.ToString();
        FileDownloads.Enqueue(auth);
        if (auth != "Bearer " + BotToken || !_files.TryGetValue(id, out var content))
        {
            context.Response.StatusCode = 403;
            return;
        }

        await context.Response.Body.WriteAsync(content);
    }
}

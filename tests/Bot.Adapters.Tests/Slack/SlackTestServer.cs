using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CodeCube.Adapters.Tests.Slack;

/// <summary>A Web API call the bot made, as the server saw it.</summary>
internal sealed record RecordedCall(string Method, string? Authorization, string? ContentType, string Body,
    JsonObject Args, DateTimeOffset At);

/// <summary>A canned answer for the next call of one method (429s, errors, a held response).</summary>
internal sealed record ScriptedAnswer(int Status, string Body, string? RetryAfter = null, Task? HoldUntil = null);

/// <summary>
/// A local Slack: Kestrel on 127.0.0.1:0 speaking the Web API (auth.test, apps.connections.open, chat.*,
/// files.* and the upload URL) and Socket Mode WebSockets. It records what the bot sends; tests drive sockets.
/// </summary>
internal sealed class SlackTestServer : IAsyncDisposable
{
    public const string BotToken = "xoxb-test-bot-token";
    public const string AppToken = "xapp-test-app-token";

    private readonly WebApplication _app;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<ScriptedAnswer>> _scripts = new();
    private readonly Channel<SlackTestSocket> _sockets = Channel.CreateUnbounded<SlackTestSocket>();
    private long _ts = 1_700_000_000_000_100;
    private int _tickets;

    private SlackTestServer(WebApplication app, TimeProvider time)
    {
        _app = app;
        _time = time;
    }

    public Uri BaseUrl { get; private set; } = null!;

    public Uri ApiBaseUrl => new(BaseUrl, "api");

    public ConcurrentQueue<RecordedCall> Calls { get; } = new();

    public ConcurrentDictionary<string, byte[]> Uploads { get; } = new();

    /// <summary>A response_url as Slack hands out with a command or an interaction; posts to it are recorded.</summary>
    public Uri ResponseUrl(string id) => new(BaseUrl, "response/" + id);

    /// <summary>Messages posted to <see cref="ResponseUrl"/>, by id, in order.</summary>
    public ConcurrentQueue<(string Id, JsonObject Message)> Responses { get; } = new();

    public async Task<JsonObject> WaitForResponseAsync(string id, int count = 1)
    {
        for (var i = 0; i < 2000; i++)
        {
            var posted = Responses.Where(r => r.Id == id).ToList();
            if (posted.Count >= count)
            {
                return posted[count - 1].Message;
            }

            await Task.Delay(10);
        }

        throw new TimeoutException($"response_url {id} was not posted to {count} time(s).");
    }

    private readonly ConcurrentDictionary<string, byte[]> _files = new();

    /// <summary>The Authorization header of each private file download, in order.</summary>
    public ConcurrentQueue<string> FileDownloads { get; } = new();

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

    public IReadOnlyList<RecordedCall> CallsTo(string method) => Calls.Where(c => c.Method == method).ToList();

    public static async Task<SlackTestServer> StartAsync(TimeProvider time)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new SlackTestServer(app, time);
        app.UseWebSockets();
        app.MapPost("/api/{method}", (HttpContext context, string method) => server.ApiAsync(context, method));
        app.MapPost("/upload/{fileId}", server.UploadAsync);
        app.MapPost("/response/{id}", server.ResponseAsync);
        app.MapGet("/files-pri/{id}/{name}", server.PrivateFileAsync);
        app.Map("/link", server.SocketAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.Single();
        server.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    /// <summary>The next call of <paramref name="method"/> gets this answer instead of the default.</summary>
    public void Script(string method, ScriptedAnswer answer) =>
        _scripts.GetOrAdd(method, _ => new ConcurrentQueue<ScriptedAnswer>()).Enqueue(answer);

    /// <summary>Waits for the bot to open the next Socket Mode connection.</summary>
    public async Task<SlackTestSocket> AcceptSocketAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        return await _sockets.Reader.ReadAsync(timeout.Token);
    }

    public async Task<RecordedCall> WaitForCallAsync(string method, int count = 1)
    {
        for (var i = 0; i < 2000; i++)
        {
            var calls = CallsTo(method);
            if (calls.Count >= count)
            {
                return calls[count - 1];
            }

            await Task.Delay(10);
        }

        throw new TimeoutException($"{method} was not called {count} time(s).");
    }

    private async Task ApiAsync(HttpContext context, string method)
    {
        var body = await new StreamReader(context.Request.Body, Encoding.UTF8).ReadToEndAsync();
        var contentType = context.Request.ContentType;
        var args = contentType?.StartsWith("application/json", StringComparison.Ordinal) == true
            ? JsonNode.Parse(body)!.AsObject()
            : FormArgs(body);
        var auth = context.Request.Headers.Authorization.ToString();
        Calls.Enqueue(new RecordedCall(method, auth, contentType, body, args, _time.GetUtcNow()));

        if (_scripts.TryGetValue(method, out var queue) && queue.TryDequeue(out var scripted))
        {
            if (scripted.HoldUntil is not null)
            {
                await scripted.HoldUntil.WaitAsync(context.RequestAborted);
            }

            if (scripted.RetryAfter is not null)
            {
                context.Response.Headers.RetryAfter = scripted.RetryAfter;
            }

            context.Response.StatusCode = scripted.Status;
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(scripted.Body);
            return;
        }

        var expected = method == "apps.connections.open" ? AppToken : BotToken;
        var answer = auth != "Bearer " + expected
            ? SlackFixtures.Json("webapi-docs-error-invalid_auth.json")
            : DefaultAnswer(method, args);
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(answer.ToJsonString());
    }

    private JsonObject DefaultAnswer(string method, JsonObject args)
    {
        switch (method)
        {
            case "auth.test":
                return SlackFixtures.Json("webapi-docs-auth.test-bot-token-response.json");
            case "apps.connections.open":
                var open = SlackFixtures.Json("socketmode-docs-apps.connections.open-response.json");
                open["url"] = $"ws://{BaseUrl.Authority}/link/?ticket={Interlocked.Increment(ref _tickets)}";
                return open;
            case "chat.postMessage":
                var posted = SlackFixtures.Json("webapi-docs-chat.postMessage-response.json");
                var ts = NextTs();
                posted["channel"] = args["channel"]?.GetValue<string>();
                posted["ts"] = ts;
                posted["message"]!["ts"] = ts;
                posted["message"]!["text"] = args["text"]?.GetValue<string>();
                return posted;
            case "chat.update":
                var updated = SlackFixtures.Json("webapi-spec-chat.update-200.json");
                updated["channel"] = args["channel"]?.GetValue<string>();
                updated["ts"] = args["ts"]?.GetValue<string>();
                return updated;
            case "chat.delete":
                var deleted = SlackFixtures.Json("webapi-spec-chat.delete-200.json");
                deleted["channel"] = args["channel"]?.GetValue<string>();
                deleted["ts"] = args["ts"]?.GetValue<string>();
                return deleted;
            case "files.getUploadURLExternal":
                var fileId = "F" + Interlocked.Increment(ref _tickets);
                var ticket = SlackFixtures.Json("webapi-docs-files.getUploadURLExternal-response.json");
                ticket["upload_url"] = new Uri(BaseUrl, "upload/" + fileId).AbsoluteUri;
                ticket["file_id"] = fileId;
                return ticket;
            case "files.completeUploadExternal":
                var files = JsonNode.Parse(args["files"]!.GetValue<string>())!.AsArray();
                var id = files[0]!["id"]!.GetValue<string>();
                if (!Uploads.ContainsKey(id))
                {
                    return new JsonObject { ["ok"] = false, ["error"] = "file_not_found" };
                }

                var complete = SlackFixtures.Json("webapi-docs-files.completeUploadExternal-response.json");
                complete["files"]![0]!["id"] = id;
                return complete;
            case "files.delete":
                return new JsonObject { ["ok"] = true };
            default:
                return new JsonObject { ["ok"] = false, ["error"] = "unknown_method" };
        }
    }

    private async Task UploadAsync(HttpContext context, string fileId)
    {
        using var bytes = new MemoryStream();
        await context.Request.Body.CopyToAsync(bytes);
        Uploads[fileId] = bytes.ToArray();
        Calls.Enqueue(new RecordedCall("upload", context.Request.Headers.Authorization.ToString(),
            context.Request.ContentType, "", new JsonObject { ["file"] = fileId }, _time.GetUtcNow()));
        await context.Response.WriteAsync($"OK - {bytes.Length}");
    }

    // Slack answers a response_url post with a bare "ok" (or an error string) rather than the Web API's JSON.
    private async Task ResponseAsync(HttpContext context, string id)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body);
        Responses.Enqueue((id, body!.AsObject()));
        await context.Response.WriteAsync("ok");
    }

    // url_private needs the bot token (files:read); without it Slack answers with a login page, here a 403.
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

    private async Task SocketAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        using var webSocket = await context.WebSockets.AcceptWebSocketAsync();
        var socket = new SlackTestSocket(webSocket, context.Request.QueryString.Value ?? "");
        await _sockets.Writer.WriteAsync(socket);
        await socket.RunAsync(context.RequestAborted);
    }

    private string NextTs()
    {
        var value = Interlocked.Increment(ref _ts);
        return $"{value / 1_000_000}.{value % 1_000_000:D6}";
    }

    private static JsonObject FormArgs(string body)
    {
        var args = new JsonObject();
        foreach (var pair in body.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            args[Uri.UnescapeDataString(parts[0].Replace('+', ' '))] =
                Uri.UnescapeDataString(parts.Length > 1 ? parts[1].Replace('+', ' ') : "");
        }

        return args;
    }

    public async ValueTask DisposeAsync()
    {
        // A failed test can leave a held request or an open socket; do not wait for them for long.
        using var stopTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stopTimeout.Token);
        await _app.DisposeAsync();
    }
}

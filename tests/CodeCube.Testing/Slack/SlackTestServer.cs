using System.Threading.Channels;
using CodeCube.Testing.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CodeCube.Testing.Slack;

/// <summary>A Web API call the bot made, as the server saw it.</summary>
public sealed record RecordedCall(string Method, string? Authorization, string? ContentType, string Body,
    JsonObject Args, DateTimeOffset At);

/// <summary>A canned answer for the next call of one method (429s, errors, a held response).</summary>
public sealed record ScriptedAnswer(int Status, string Body, string? RetryAfter = null, Task? HoldUntil = null);

/// <summary>
/// A local Slack: Kestrel on 127.0.0.1:0 speaking the Web API (auth.test, apps.connections.open, chat.*,
/// files.* and the upload URL) and Socket Mode WebSockets. It records what the bot sends; tests drive sockets.
/// </summary>
public sealed partial class SlackTestServer : IAsyncDisposable
{
    public const string BotToken = "xoxb-test-bot-token";
    public const string AppToken = "xapp-test-app-token";

    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<ScriptedAnswer>> _scripts = new();
    private readonly Channel<SlackTestSocket> _sockets = Channel.CreateUnbounded<SlackTestSocket>();
    private long _ts = 1_700_000_000_000_100;
    private int _tickets;
    private LoopbackKestrel _kestrel = null!;

    private SlackTestServer(TimeProvider time)
    {
        _time = time;
    }

    public Uri BaseUrl => _kestrel.BaseUrl;

    public Uri ApiBaseUrl => new(BaseUrl, "api");

    public ConcurrentQueue<RecordedCall> Calls { get; } = new();

    public ConcurrentDictionary<string, byte[]> Uploads { get; } = new();

    public IReadOnlyList<RecordedCall> CallsTo(string method) => Calls.Where(c => c.Method == method).ToList();

    public static async Task<SlackTestServer> StartAsync(TimeProvider time)
    {
        var server = new SlackTestServer(time);
        server._kestrel = await LoopbackKestrel.StartAsync(app =>
        {
            app.MapPost("/api/{method}", (HttpContext context, string method) => server.ApiAsync(context, method));
            app.MapPost("/upload/{fileId}", server.UploadAsync);
            app.Map("/link", server.SocketAsync);
            app.MapPost("/response/{id}", server.ResponseAsync);
            app.MapGet("/files-pri/{id}/{name}", server.PrivateFileAsync);
        });
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

    public Task<RecordedCall> WaitForCallAsync(string method, int count = 1, TimeSpan? within = null) =>
        Eventually.ValueAsync(() => CallsTo(method) is { } calls && calls.Count >= count ? calls[count - 1] : null,
            $"{method} to be called {count} time(s)", within);

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

    public ValueTask DisposeAsync() => _kestrel.DisposeAsync();
}

using System.Globalization;
using CodeCube.Testing.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CodeCube.Testing.Discord;

public sealed record UploadedFile(string Name, string FileName, string ContentType, byte[] Content);

/// <summary>One REST request the bot made, and the status it got.</summary>
public sealed record RestCall(
    string Method, string Path, string? Authorization, string? UserAgent, JsonObject? Json,
    IReadOnlyList<UploadedFile> Files, int Status);

/// <summary>
/// A local Discord: REST v10 (gateway/bot, messages, typing) with rate-limit headers, and the gateway on
/// /gateway and /resume, application commands and interactions (DiscordProtocolServer.Interactions.cs) and the CDN
/// for attachments (DiscordProtocolServer.Attachments.cs). Kestrel on 127.0.0.1 and a free port, one per test.
/// </summary>
public sealed partial class DiscordProtocolServer : IAsyncDisposable
{
    public const string Token = "test-token.NzkyNzE1NDU0MTk2MDg4ODQy";
    public const string BotUserId = "792715454196088842";

    private readonly ConcurrentQueue<RestCall> calls = new();
    private readonly ConcurrentQueue<Func<HttpContext, Task>> scripted = new();
    private LoopbackKestrel kestrel = null!;
    private const string BodyKey = "json-body";
    private long nextMessageId = 1_100_000_000_000_000_000;

    private DiscordProtocolServer()
    {
    }

    /// <summary>http://127.0.0.1:port, without a trailing slash.</summary>
    public string Root => kestrel.BaseUrl.AbsoluteUri.TrimEnd('/');

    public string ApiBaseUrl => Root + "/api/v10";

    public string WsRoot => "ws" + Root[4..];

    public FakeDiscordGateway Gateway { get; } = new(Token, BotUserId);

    public IReadOnlyList<RestCall> Calls => [.. calls];

    /// <summary>
    /// Session starts (IDENTIFYs) the bot had left when the server started; GET /gateway/bot reports this minus the
    /// sessions started since, as Discord's session_start_limit.remaining does.
    /// </summary>
    public int SessionStartsLeft { get; set; } = 999;

    /// <summary>session_start_limit.reset_after: when the count of session starts is full again.</summary>
    public TimeSpan SessionStartsResetAfter { get; set; } = TimeSpan.FromHours(4);

    public static async Task<DiscordProtocolServer> StartAsync()
    {
        var server = new DiscordProtocolServer();
        server.kestrel = await LoopbackKestrel.StartAsync(app =>
        {
            app.Map("/gateway", server.Gateway.HandleAsync);
            app.Map("/resume", server.Gateway.HandleAsync);
            app.Map("/api/v10/{**path}", server.HandleRestAsync);
            app.MapGet("/attachments/{id}/{name}", (HttpContext c, string id) => server.ServeAttachmentAsync(c, id));
        });
        server.Gateway.ResumeUrl = server.WsRoot + "/resume";
        return server;
    }

    /// <summary>The next message request gets the documented 429 (rate-limit-429-*.http.txt) instead.</summary>
    public void RespondNextWith429(double retryAfterSeconds, bool global = false) =>
        scripted.Enqueue(async context =>
        {
            var (status, headers, body) = DiscordFixtures.HttpExample(global ? "rate-limit-429-global.http.txt" : "rate-limit-429-user.http.txt");
            body["retry_after"] = retryAfterSeconds;
            // As Discord does, the headers agree with the body: the bucket resets when retry_after ends.
            foreach (var (name, value) in headers.Where(h => h.Key != "Content-Type"))
            {
                context.Response.Headers[name] = name switch
                {
                    "Retry-After" => Math.Ceiling(retryAfterSeconds).ToString(CultureInfo.InvariantCulture),
                    "X-RateLimit-Reset-After" => retryAfterSeconds.ToString(CultureInfo.InvariantCulture),
                    _ => value,
                };
            }

            context.Response.StatusCode = status;
            await context.Response.WriteAsJsonAsync(body);
        });

    /// <summary>The next message request is processed but answered with this error (an ambiguous failure).</summary>
    public void RespondNextWithStatus(int status) =>
        scripted.Enqueue(context =>
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        });

    /// <summary>The next message request succeeds but says the bucket is empty for this long.</summary>
    public void RespondNextWithEmptyBucket(double resetAfterSeconds) =>
        scripted.Enqueue(async context =>
        {
            await MessageOkAsync(context, remaining: 0, resetAfter: resetAfterSeconds);
        });

    public Task<RestCall> WaitForCallAsync(Func<RestCall, bool> match, TimeSpan? within = null) =>
        Eventually.ValueAsync(() => Calls.FirstOrDefault(match), "the bot's REST call", within);

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in Gateway.Connections.Where(c => c.Open))
        {
            connection.Drop();
        }

        await kestrel.DisposeAsync();
    }

    private async Task HandleRestAsync(HttpContext context)
    {
        var request = context.Request;
        var (json, files) = await ReadBodyAsync(request);
        var path = request.Path.Value!["/api/v10".Length..];
        // Recorded before the headers leave, so once the bot has its answer the test sees the call.
        context.Response.OnStarting(() =>
        {
            calls.Enqueue(new RestCall(request.Method, path, request.Headers.Authorization, request.Headers.UserAgent,
                json, files, context.Response.StatusCode));
            return Task.CompletedTask;
        });
        if (request.Headers.Authorization != "Bot " + Token)
        {
            context.Response.StatusCode = 401;
            await context.Response.WriteAsJsonAsync(new { message = "401: Unauthorized", code = 0 });
        }
        else if (path == "/gateway/bot" && request.Method == "GET")
        {
            var body = DiscordFixtures.Json("rest-get-gateway-bot-response.json");
            body["url"] = WsRoot + "/gateway";
            body["shards"] = 1;
            var limit = body["session_start_limit"]!;
            limit["remaining"] = Math.Max(0, SessionStartsLeft - Gateway.SessionsStarted);
            limit["reset_after"] = (long)SessionStartsResetAfter.TotalMilliseconds;
            await context.Response.WriteAsJsonAsync(body);
        }
        else if (path.EndsWith("/typing", StringComparison.Ordinal) && request.Method == "POST")
        {
            context.Response.StatusCode = 204;
        }
        else if (path.StartsWith("/channels/", StringComparison.Ordinal) && path.Contains("/messages", StringComparison.Ordinal))
        {
            if (scripted.TryDequeue(out var respond))
            {
                await respond(context);
            }
            else if (request.Method == "DELETE")
            {
                context.Response.StatusCode = 204;
            }
            else
            {
                await MessageOkAsync(context, remaining: 4, resetAfter: 1);
            }
        }
        else if (!await TryHandleInteractionRestAsync(context, path))
        {
            context.Response.StatusCode = 404;
        }
    }

    private async Task MessageOkAsync(HttpContext context, int remaining, double resetAfter)
    {
        var headers = context.Response.Headers;
        headers["X-RateLimit-Limit"] = "5";
        headers["X-RateLimit-Remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset-After"] = resetAfter.ToString("0.000", CultureInfo.InvariantCulture);
        headers["X-RateLimit-Bucket"] = "abcd1234";
        var segments = context.Request.Path.Value!.Split('/');
        var message = DiscordFixtures.Json("message-object-example.json");
        message["id"] = context.Request.Method == "POST"
            ? Interlocked.Increment(ref nextMessageId).ToString(CultureInfo.InvariantCulture)
            : segments[^1];
        message["channel_id"] = segments[4];
        message["author"] = new JsonObject { ["id"] = BotUserId, ["username"] = "codecube", ["bot"] = true };
        await context.Response.WriteAsJsonAsync(message);
    }

    private static async Task<(JsonObject? Json, IReadOnlyList<UploadedFile> Files)> ReadBodyAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            var files = new List<UploadedFile>();
            foreach (var file in form.Files)
            {
                using var stream = new MemoryStream();
                await file.CopyToAsync(stream);
                files.Add(new UploadedFile(file.Name, file.FileName, file.ContentType, stream.ToArray()));
            }

            var payload = form.TryGetValue("payload_json", out var p) ? JsonNode.Parse(p.ToString())!.AsObject() : null;
            return (payload, files);
        }

        if (request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) == true)
        {
            // Command registration sends an array; everything else an object.
            var node = await JsonNode.ParseAsync(request.Body);
            request.HttpContext.Items[BodyKey] = node;
            return (node as JsonObject, []);
        }

        return (null, []);
    }
}

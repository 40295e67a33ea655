using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace CodeCube.Testing.Discord;

/// <summary>
/// Application commands and interactions as application-commands and receiving-and-responding describe them:
/// commands stored per scope by bulk overwrite; an interaction is created by <see cref="InteractAsync"/> (an
/// INTERACTION_CREATE dispatch with a fresh id and token); it accepts one initial callback (a second gets 400
/// 40060, an unknown one 404 10062); @original exists once a message, deferral or update was sent.
/// </summary>
public sealed partial class DiscordProtocolServer
{
    public const string ApplicationId = BotUserId;

    private readonly ConcurrentDictionary<string, JsonArray> commandScopes = new();
    private readonly ConcurrentDictionary<string, IssuedInteraction> interactions = new();
    private readonly ConcurrentQueue<(string Token, int Type)> callbackOrder = new();
    private long nextInteractionId = 1_300_000_000_000_000_000;

    /// <summary>The commands Discord holds for a scope ("" = global, else a guild id).</summary>
    public JsonArray? CommandsIn(string scope) => commandScopes.TryGetValue(scope, out var c) ? c : null;

    /// <summary>Puts commands in a scope as if registered earlier (by another run of the bot).</summary>
    public void SeedCommands(string scope, JsonArray commands) => commandScopes[scope] = Stored(commands);

    /// <summary>The initial callback types in the order they arrived.</summary>
    public IReadOnlyList<(string Token, int Type)> Callbacks => [.. callbackOrder];

    /// <summary>Dispatches INTERACTION_CREATE: the fixture interaction with this type, data and a fresh id and token.</summary>
    public async Task<string> InteractAsync(int type, JsonObject data, string userId = "53908232506183680",
        string permissions = "2147483647", string channelId = "645027906669510667", JsonObject? message = null)
    {
        var id = Interlocked.Increment(ref nextInteractionId).ToString(CultureInfo.InvariantCulture);
        var token = "token-" + id;
        var interaction = DiscordFixtures.Json("interaction-slash-command-received.json");
        interaction["type"] = type;
        interaction["id"] = id;
        interaction["token"] = token;
        interaction["application_id"] = ApplicationId;
        interaction["channel_id"] = channelId;
        interaction["member"]!["user"]!["id"] = userId;
        interaction["member"]!["permissions"] = permissions;
        interaction["data"] = data;
        if (message is not null)
        {
            interaction["message"] = message;
        }

        interactions[token] = new IssuedInteraction(id, type);
        await Gateway.DispatchAsync("INTERACTION_CREATE", interaction);
        return token;
    }

    /// <summary>/run with these options (null ones left out).</summary>
    public static JsonObject RunCommand(string language, string? code = null, string? stdin = null)
    {
        var options = new JsonArray(new JsonObject { ["type"] = 3, ["name"] = "language", ["value"] = language });
        if (code is not null)
        {
            options.Add(new JsonObject { ["type"] = 3, ["name"] = "code", ["value"] = code });
        }

        if (stdin is not null)
        {
            options.Add(new JsonObject { ["type"] = 3, ["name"] = "stdin", ["value"] = stdin });
        }

        return new JsonObject { ["id"] = "771825006014889984", ["type"] = 1, ["name"] = "run", ["options"] = options };
    }

    /// <summary>"Run code" on a message: the target travels in resolved.messages.</summary>
    public static JsonObject RunCodeCommand(JsonObject target) => new()
    {
        ["id"] = "771825006014889985",
        ["type"] = 3,
        ["name"] = "Run code",
        ["target_id"] = (string?)target["id"],
        ["resolved"] = new JsonObject { ["messages"] = new JsonObject { [(string)target["id"]!] = target } },
    };

    public async Task<RestCall> WaitForWebhookAsync(string token, string method) =>
        await WaitForCallAsync(c => c.Method == method && c.Path.StartsWith($"/webhooks/{ApplicationId}/{token}", StringComparison.Ordinal));

    public async Task<RestCall> WaitForCallbackAsync(string token) =>
        await WaitForCallAsync(c => c.Path.EndsWith($"/{token}/callback", StringComparison.Ordinal));

    private async Task<bool> TryHandleInteractionRestAsync(HttpContext context, string path)
    {
        var method = context.Request.Method;
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        switch (parts)
        {
            case ["applications", var app, "commands"] when app == ApplicationId:
                await CommandsAsync(context, "");
                return true;
            case ["applications", var app, "guilds", var guild, "commands"] when app == ApplicationId:
                await CommandsAsync(context, guild);
                return true;
            case ["interactions", var id, var token, "callback"] when method == "POST":
                await CallbackAsync(context, id, token);
                return true;
            case ["webhooks", var app, var token, "messages", "@original"] when app == ApplicationId:
                await OriginalAsync(context, token);
                return true;
            case ["webhooks", var app, var token] when app == ApplicationId && method == "POST":
                await FollowupAsync(context, token);
                return true;
            default:
                return false;
        }
    }

    private async Task CommandsAsync(HttpContext context, string scope)
    {
        if (context.Request.Method == "PUT")
        {
            var body = (await CurrentJsonAsync(context)) as JsonArray ?? [];
            commandScopes[scope] = Stored(body);
        }
        else if (context.Request.Method != "GET")
        {
            context.Response.StatusCode = 405;
            return;
        }

        await context.Response.WriteAsJsonAsync(commandScopes.GetValueOrDefault(scope) ?? []);
    }

    /// <summary>Discord's copy: ids, version and defaults added, as application-commands shows.</summary>
    private static JsonArray Stored(JsonArray commands)
    {
        var stored = new JsonArray();
        foreach (var command in commands.OfType<JsonObject>())
        {
            var copy = (JsonObject)command.DeepClone();
            copy["id"] = "1" + Math.Abs(((string?)copy["name"] ?? "").GetHashCode(StringComparison.Ordinal)).ToString(CultureInfo.InvariantCulture);
            copy["application_id"] = ApplicationId;
            copy["version"] = "1";
            copy["default_member_permissions"] = null;
            copy["type"] ??= 1;
            copy["description"] ??= "";
            stored.Add(copy);
        }

        return stored;
    }

    private async Task CallbackAsync(HttpContext context, string id, string token)
    {
        if (!interactions.TryGetValue(token, out var issued) || issued.Id != id)
        {
            context.Response.StatusCode = 404;
            await context.Response.WriteAsJsonAsync(new { message = "Unknown interaction", code = 10062 });
            return;
        }

        var body = await CurrentJsonAsync(context) as JsonObject;
        var type = (int?)body?["type"] ?? 0;
        if (!issued.TryRespond(type))
        {
            context.Response.StatusCode = 400;
            await context.Response.WriteAsJsonAsync(new { message = "Interaction has already been acknowledged.", code = 40060 });
            return;
        }

        callbackOrder.Enqueue((token, type));
        context.Response.StatusCode = 204;
    }

    private async Task OriginalAsync(HttpContext context, string token)
    {
        // 4, 5 (command) and 6, 7 (component) leave a message to edit or delete; 8 and 9 do not.
        if (!interactions.TryGetValue(token, out var issued) || issued.InitialType is not (4 or 5 or 6 or 7))
        {
            context.Response.StatusCode = 404;
            await context.Response.WriteAsJsonAsync(new { message = "Unknown Webhook", code = 10015 });
            return;
        }

        if (context.Request.Method == "DELETE")
        {
            context.Response.StatusCode = 204;
            return;
        }

        await WebhookMessageAsync(context, issued.MessageId);
    }

    private async Task FollowupAsync(HttpContext context, string token)
    {
        if (!interactions.TryGetValue(token, out var issued) || issued.InitialType == 0)
        {
            context.Response.StatusCode = 404;
            await context.Response.WriteAsJsonAsync(new { message = "Unknown Webhook", code = 10015 });
            return;
        }

        await WebhookMessageAsync(context, Interlocked.Increment(ref nextMessageId).ToString(CultureInfo.InvariantCulture));
    }

    private static async Task WebhookMessageAsync(HttpContext context, string messageId)
    {
        var message = DiscordFixtures.Json("message-object-example.json");
        message["id"] = messageId;
        message["author"] = new JsonObject { ["id"] = BotUserId, ["username"] = "codecube", ["bot"] = true };
        await context.Response.WriteAsJsonAsync(message);
    }

    // ReadBodyAsync ran first and consumed the body; the recorded JSON is re-read from the request features.
    private static Task<JsonNode?> CurrentJsonAsync(HttpContext context) =>
        Task.FromResult(context.Items.TryGetValue(BodyKey, out var body) ? body as JsonNode : null);

    private sealed class IssuedInteraction(string id, int type)
    {
        private int initialType;

        public string Id { get; } = id;

        public int Type { get; } = type;

        public string MessageId { get; } = "1400" + id[4..];

        public int InitialType => Volatile.Read(ref initialType);

        public bool TryRespond(int callbackType) => Interlocked.CompareExchange(ref initialType, callbackType, 0) == 0;
    }
}

namespace CodeCube.Testing.Discord;

/// <summary>
/// Payload shapes copied verbatim from discord-api-docs (see Fixtures/); the server fills in ids and values per test.
/// </summary>
public static class DiscordFixtures
{
    private static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Discord", "Fixtures", name);

    public static JsonObject Json(string name) => JsonNode.Parse(File.ReadAllText(PathOf(name)))!.AsObject();

    /// <summary>A message object (message-object-example.json) reshaped into one dispatch's <c>d</c>.</summary>
    public static JsonObject Message(
        string id, string channelId, string content, string authorId = "53908099506183680", bool authorIsBot = false,
        string? guildId = "290926798999357249", string? repliedToContent = null)
    {
        var message = Json("message-object-example.json");
        message["id"] = id;
        message["channel_id"] = channelId;
        message["content"] = content;
        var author = message["author"]!.AsObject();
        author["id"] = authorId;
        if (authorIsBot)
        {
            author["bot"] = true;
        }

        if (guildId is not null)
        {
            message["guild_id"] = guildId;
        }

        if (repliedToContent is not null)
        {
            var referenced = Json("message-object-example.json");
            referenced["id"] = "111111111111111111";
            referenced["channel_id"] = channelId;
            referenced["content"] = repliedToContent;
            message["referenced_message"] = referenced;
            message["type"] = 19;
        }

        return message;
    }

    /// <summary>A documented HTTP example (rate-limit-429-*.http.txt): "&lt; " lines are status and headers, then JSON.</summary>
    public static (int Status, IReadOnlyList<KeyValuePair<string, string>> Headers, JsonObject Body) HttpExample(string name)
    {
        var lines = File.ReadAllLines(PathOf(name));
        var head = lines.TakeWhile(l => l.StartsWith("< ", StringComparison.Ordinal)).Select(l => l[2..]).ToList();
        var status = int.Parse(head[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var headers = head.Skip(1)
            .Select(h => h.Split(": ", 2))
            .Select(p => KeyValuePair.Create(p[0], p[1]))
            .ToList();
        var body = JsonNode.Parse(string.Join('\n', lines.Skip(head.Count)))!.AsObject();
        return (status, headers, body);
    }
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace CodeCube.Adapters.Discord.Interactions;

/// <summary>
/// The application commands (application-commands docs): CHAT_INPUT <c>/run</c> with a required, autocompleted
/// language and optional code and stdin, and the MESSAGE command "Run code". <see cref="Hash"/> compares our
/// definition with what Discord holds, over the fields we set, so an unchanged definition is never sent again.
/// </summary>
internal static class DiscordCommands
{
    public const string RunName = "run";
    public const string RunCodeName = "Run code";
    public const string LanguageOption = "language";
    public const string CodeOption = "code";
    public const string StdinOption = "stdin";
    private const int ChatInput = 1;
    private const int MessageCommand = 3;
    private const int StringOption = 3;

    public static JsonArray Definitions() =>
    [
        new JsonObject
        {
            ["name"] = RunName,
            ["type"] = ChatInput,
            ["description"] = "Run code in a locked-down sandbox",
            ["options"] = new JsonArray(
                Option(LanguageOption, "Language of the code", required: true, autocomplete: true),
                Option(CodeOption, "The code (leave it out to get a form for longer code)", required: false, autocomplete: false),
                Option(StdinOption, "Input for the program", required: false, autocomplete: false)),
        },
        new JsonObject { ["name"] = RunCodeName, ["type"] = MessageCommand },
    ];

    /// <summary>SHA-256 over name, type, description and options (name, type, description, required, autocomplete).</summary>
    public static string Hash(JsonArray commands)
    {
        var canonical = new JsonArray();
        foreach (var command in commands.OfType<JsonObject>().OrderBy(c => (string?)c["name"], StringComparer.Ordinal))
        {
            var options = new JsonArray();
            foreach (var option in (command["options"] as JsonArray ?? []).OfType<JsonObject>())
            {
                options.Add(new JsonObject
                {
                    ["name"] = (string?)option["name"],
                    ["type"] = (int?)option["type"],
                    ["description"] = (string?)option["description"] ?? "",
                    ["required"] = (bool?)option["required"] ?? false,
                    ["autocomplete"] = (bool?)option["autocomplete"] ?? false,
                });
            }

            canonical.Add(new JsonObject
            {
                ["name"] = (string?)command["name"],
                ["type"] = (int?)command["type"] ?? ChatInput,
                ["description"] = (string?)command["description"] ?? "",
                ["options"] = options,
            });
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToJsonString())));
    }

    private static JsonObject Option(string name, string description, bool required, bool autocomplete)
    {
        var option = new JsonObject
        {
            ["type"] = StringOption,
            ["name"] = name,
            ["description"] = description,
            ["required"] = required,
        };
        if (autocomplete)
        {
            option["autocomplete"] = true;
        }

        return option;
    }
}

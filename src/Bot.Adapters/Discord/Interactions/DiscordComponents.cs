using System.Text.Json.Nodes;
using CodeCube.Core.Contracts;
using CodeCube.Core.Interactions;

namespace CodeCube.Adapters.Discord.Interactions;

/// <summary>
/// Reply buttons as message components (one action row), and back. A custom_id carries only the action and the
/// snippet id, and is checked on the way back in: anyone can craft a component interaction.
/// </summary>
internal static class DiscordComponents
{
    public const int MaxCustomIdLength = 100;
    private const string Prefix = "codecube:";
    private const string RunAgain = Prefix + "again:";
    private const string Delete = Prefix + "delete:";
    private const int ActionRow = 1;
    private const int Button = 2;
    private const int Primary = 1;
    private const int Danger = 4;
    private const int Link = 5;

    /// <summary>The components array for a message; empty when there are no buttons (an edit then clears them).</summary>
    public static JsonArray For(IReadOnlyList<ReplyButton>? buttons)
    {
        if (buttons is not { Count: > 0 })
        {
            return [];
        }

        var row = new JsonArray();
        foreach (var button in buttons)
        {
            row.Add(button.Action switch
            {
                ReplyAction.RunAgain => new JsonObject
                {
                    ["type"] = Button, ["style"] = Primary, ["label"] = button.Label, ["custom_id"] = RunAgain + button.Value,
                },
                ReplyAction.Delete => new JsonObject
                {
                    ["type"] = Button, ["style"] = Danger, ["label"] = button.Label, ["custom_id"] = Delete + button.Value,
                },
                _ => new JsonObject { ["type"] = Button, ["style"] = Link, ["label"] = button.Label, ["url"] = button.Value },
            });
        }

        return [new JsonObject { ["type"] = ActionRow, ["components"] = row }];
    }

    public static bool TryParse(string? customId, out ReplyAction action, out string snippetId)
    {
        (action, snippetId) = (default, "");
        if (customId is not { Length: <= MaxCustomIdLength })
        {
            return false;
        }

        if (customId.StartsWith(RunAgain, StringComparison.Ordinal))
        {
            (action, snippetId) = (ReplyAction.RunAgain, customId[RunAgain.Length..]);
        }
        else if (customId.StartsWith(Delete, StringComparison.Ordinal))
        {
            (action, snippetId) = (ReplyAction.Delete, customId[Delete.Length..]);
        }
        else
        {
            return false;
        }

        return SnippetId.IsValid(snippetId);
    }
}

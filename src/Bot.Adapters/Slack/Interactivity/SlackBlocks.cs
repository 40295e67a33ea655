using System.Text.Json.Nodes;
using CodeCube.Core.Contracts;
using CodeCube.Core.Interactions;

namespace CodeCube.Adapters.Slack.Interactivity;

/// <summary>
/// Block Kit for a reply with buttons: the text in a mrkdwn section (Slack caps it at 3000 characters) and an
/// actions block. Button values carry only the snippet id, checked when a click comes back.
/// </summary>
internal static class SlackBlocks
{
    public const int MaxSectionChars = 3000;
    public const string RunAgainAction = "codecube_again";
    public const string DeleteAction = "codecube_delete";
    public const string OpenAction = "codecube_open";

    public static JsonArray For(string text, IReadOnlyList<ReplyButton>? buttons)
    {
        if (buttons is not { Count: > 0 })
        {
            return [];
        }

        var elements = new JsonArray();
        foreach (var button in buttons)
        {
            var element = new JsonObject
            {
                ["type"] = "button",
                ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = button.Label },
            };
            switch (button.Action)
            {
                case ReplyAction.RunAgain:
                    element["action_id"] = RunAgainAction;
                    element["value"] = button.Value;
                    break;
                case ReplyAction.Delete:
                    element["action_id"] = DeleteAction;
                    element["value"] = button.Value;
                    element["style"] = "danger";
                    break;
                default:
                    element["action_id"] = OpenAction;
                    element["url"] = button.Value;
                    break;
            }

            elements.Add(element);
        }

        return
        [
            new JsonObject
            {
                ["type"] = "section",
                ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = SlackText.Cut(text, MaxSectionChars), ["verbatim"] = true },
            },
            new JsonObject { ["type"] = "actions", ["block_id"] = "codecube_run", ["elements"] = elements },
        ];
    }

    public static bool TryParse(string? actionId, string? value, out ReplyAction action)
    {
        action = actionId switch
        {
            RunAgainAction => ReplyAction.RunAgain,
            DeleteAction => ReplyAction.Delete,
            _ => ReplyAction.Open,
        };
        return action != ReplyAction.Open && SnippetId.IsValid(value);
    }
}

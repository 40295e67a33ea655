namespace CodeCube.Core.Interactions;

/// <summary>The buttons every run reply carries where the platform shows buttons.</summary>
public static class ReplyButtons
{
    public const string RunAgainLabel = "Run again";
    public const string DeleteLabel = "Delete";
    public const string OpenLabel = "Open";

    public static IReadOnlyList<ReplyButton> For(string snippetId, string permalink) =>
    [
        new(ReplyAction.RunAgain, RunAgainLabel, snippetId),
        new(ReplyAction.Delete, DeleteLabel, snippetId),
        new(ReplyAction.Open, OpenLabel, permalink),
    ];
}

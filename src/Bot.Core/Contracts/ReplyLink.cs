namespace CodeCube.Core.Contracts;

/// <summary>Links a chat message to our reply and its snippet, so edits rerun and deletes clean up.</summary>
public sealed record ReplyLink(string ReplyMessageId, string SnippetId);

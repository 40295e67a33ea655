namespace CodeCube.Core.Contracts;

/// <summary>Where a run was asked for. <paramref name="MessageId"/> is empty for web and CLI runs.</summary>
public sealed record SnippetOrigin(string Platform, string ChannelId, string MessageId);

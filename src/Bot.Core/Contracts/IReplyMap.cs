namespace CodeCube.Core.Contracts;

public interface IReplyMap
{
    Task SetAsync(string platform, string channelId, string messageId, ReplyLink link, CancellationToken ct);

    Task<ReplyLink?> GetAsync(string platform, string channelId, string messageId, CancellationToken ct);

    Task RemoveAsync(string platform, string channelId, string messageId, CancellationToken ct);
}

namespace CodeCube.Core.Attachments;

/// <summary>
/// A file attached to a chat message, as the platform announced it. <see cref="Source"/> is the adapter's own
/// reference (a URL from the event); the pipeline never fetches it, it asks the adapter's <see cref="IFileSource"/>.
/// </summary>
public sealed record ChatFile(string Name, long DeclaredBytes, string Source);

/// <summary>How a download ended. Expected failures are values.</summary>
public enum DownloadStatus
{
    Ok,

    /// <summary>More bytes arrived than allowed; the download was stopped there.</summary>
    TooLarge,

    /// <summary>The file's location is not one the adapter may fetch from (not from the platform).</summary>
    NotAllowed,

    /// <summary>The platform did not deliver it (HTTP error, network).</summary>
    Failed,
}

public sealed record FileDownload(DownloadStatus Status, byte[] Content)
{
    public static FileDownload Of(DownloadStatus status) => new(status, []);
}

/// <summary>Fetches attached files; implemented by adapters whose platform has them.</summary>
public interface IFileSource
{
    /// <summary>Downloads at most <paramref name="maxBytes"/>; more is <see cref="DownloadStatus.TooLarge"/>.</summary>
    Task<FileDownload> DownloadAsync(ChatFile file, long maxBytes, CancellationToken ct);
}

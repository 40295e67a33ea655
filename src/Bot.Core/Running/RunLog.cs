using Microsoft.Extensions.Logging;

namespace CodeCube.Core.Running;

internal static partial class RunLog
{
    // The one structured line per run, whatever asked for it. The user is a hash: enough to group one person's runs
    // in a log search, never their platform id.
    [LoggerMessage(1101, LogLevel.Information,
        "Run {SnippetId}: {Language} {Outcome} in {WallMs} ms from {Origin} by {UserHash} (cached {Cached})")]
    public static partial void RunFinished(this ILogger logger, string snippetId, string language, string outcome, long wallMs,
        string origin, string userHash, bool cached);
}

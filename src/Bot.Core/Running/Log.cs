using Microsoft.Extensions.Logging;

namespace CodeCube.Core.Running;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Error, "Snippet {SnippetId} could not be stored; the run is answered without a permalink")]
    public static partial void SaveFailed(ILogger logger, Exception exception, string snippetId);
}

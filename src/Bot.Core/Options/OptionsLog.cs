using Microsoft.Extensions.Logging;

namespace CodeCube.Core.Options;

internal static partial class OptionsLog
{
    [LoggerMessage(1901, LogLevel.Warning,
        "Configuration key {OldKey} is an old name: read as {NewKey} = {Value}. Rename it to {NewKey}; the old name will stop working in a later release.")]
    public static partial void OldKeyRead(this ILogger logger, string oldKey, string newKey, string value);

    [LoggerMessage(1902, LogLevel.Warning,
        "Configuration key {OldKey} is an old name and is ignored because {NewKey} is set; remove {OldKey}.")]
    public static partial void OldKeyIgnored(this ILogger logger, string oldKey, string newKey);
}

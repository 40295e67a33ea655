using System.Globalization;

namespace CodeCube.Core.Replies;

/// <summary>The one way a byte count is shown to people: chat replies, notices, run details.</summary>
public static class ByteSize
{
    private const double KiB = 1024;
    private const double MiB = 1024 * 1024;

    /// <summary>"900 bytes", "64 KiB", "70.3 KiB", "256 MiB": one decimal at most, the unit chosen after rounding.</summary>
    public static string Format(long bytes)
    {
        if (bytes < KiB)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes");
        }

        var kib = Math.Round(bytes / KiB, 1);
        return kib < KiB
            ? string.Create(CultureInfo.InvariantCulture, $"{kib:0.#} KiB")
            : string.Create(CultureInfo.InvariantCulture, $"{Math.Round(bytes / MiB, 1):0.#} MiB");
    }
}

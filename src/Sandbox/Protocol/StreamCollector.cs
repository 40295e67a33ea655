using System.Buffers;
using System.Text;

namespace CodeCube.Sandbox.Protocol;

/// <summary>
/// One output stream of a run: finds the runner's marker line (which may arrive split over any number of chunks),
/// keeps at most <c>cap</c> bytes of output and decodes what it keeps as UTF-8 with invalid bytes replaced.
/// Memory stays bounded by the cap however much the program prints.
/// </summary>
internal sealed class StreamCollector
{
    // The runner's status words are short; anything longer is not a marker from the runner.
    private const int MaxStatusBytes = 64;
    private static readonly byte[] Terminator = "@@\n"u8.ToArray();

    private readonly byte[] prefix;
    private readonly int cap;
    private readonly ArrayBufferWriter<byte> pending = new();
    private readonly ArrayBufferWriter<byte> kept = new();
    private readonly Decoder decoder = new UTF8Encoding(false, false).GetDecoder();
    private int searchFrom;

    public StreamCollector(string nonce, int cap)
    {
        prefix = Encoding.ASCII.GetBytes($"\n@@CODECUBE {nonce} ");
        this.cap = cap;
    }

    /// <summary>The marker's status once the marker line has been seen on this stream.</summary>
    public MarkerStatus? Marker { get; private set; }

    /// <summary>True once more bytes arrived than the cap allows; the rest was dropped.</summary>
    public bool Overflowed { get; private set; }

    /// <summary>Bytes of output that arrived, kept or not (marker excluded).</summary>
    public long TotalBytes { get; private set; }

    /// <summary>
    /// Takes one chunk. Returns the newly kept text for live progress (may be empty); the marker is never part of it.
    /// </summary>
    public string Append(ReadOnlySpan<byte> chunk)
    {
        if (Marker is not null)
        {
            return Keep(chunk, flush: false);
        }

        pending.Write(chunk);
        var span = pending.WrittenSpan;
        var at = span[searchFrom..].IndexOf(prefix);
        if (at < 0)
        {
            searchFrom = Math.Max(0, span.Length - prefix.Length + 1);
            if (span.Length > cap + prefix.Length + MaxStatusBytes)
            {
                // Compile output alone is past the cap; keep what fits and let the caller stop the container.
                var overflowText = Keep(span, flush: false);
                pending.Clear();
                searchFrom = 0;
                return overflowText;
            }

            return "";
        }

        at += searchFrom;
        var statusStart = at + prefix.Length;
        var end = span[statusStart..].IndexOf(Terminator);
        if (end < 0)
        {
            searchFrom = at;
            if (span.Length - statusStart > MaxStatusBytes)
            {
                // Not a real marker after all: the nonce matched but no terminator followed in time. Search on.
                searchFrom = at + 1;
            }

            return "";
        }

        Marker = MarkerStatus.Parse(Encoding.ASCII.GetString(span.Slice(statusStart, end)));
        var before = span[..at];
        var after = span[(statusStart + end + Terminator.Length)..];
        var text = Keep(before, flush: false) + Keep(after, flush: false);
        pending.Clear();
        return text;
    }

    /// <summary>At end of stream: output that never saw a marker is kept as it is (a runner error explains it).</summary>
    public string Complete()
    {
        var text = "";
        if (Marker is null && pending.WrittenCount > 0)
        {
            text = Keep(pending.WrittenSpan, flush: false);
            pending.Clear();
        }

        return text + Keep([], flush: true);
    }

    /// <summary>Everything kept, decoded as UTF-8 with invalid bytes replaced by U+FFFD.</summary>
    public string Text => Encoding.UTF8.GetString(kept.WrittenSpan);

    private string Keep(ReadOnlySpan<byte> bytes, bool flush)
    {
        TotalBytes += bytes.Length;
        if (Overflowed)
        {
            return "";
        }

        var room = cap - kept.WrittenCount;
        if (bytes.Length > room)
        {
            Overflowed = true;
            bytes = bytes[..Utf8Text.SafeCut(bytes, room)];
        }

        kept.Write(bytes);
        return Decode(bytes, flush || Overflowed);
    }

    private string Decode(ReadOnlySpan<byte> bytes, bool flush)
    {
        var chars = new char[decoder.GetCharCount(bytes, flush)];
        var count = decoder.GetChars(bytes, chars, flush);
        return new string(chars, 0, count);
    }
}

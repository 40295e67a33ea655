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

    private readonly byte[] _prefix;
    private readonly int _cap;
    private readonly ArrayBufferWriter<byte> _pending = new();
    private readonly ArrayBufferWriter<byte> _kept = new();
    private readonly Decoder _decoder = new UTF8Encoding(false, false).GetDecoder();
    private int _searchFrom;

    public StreamCollector(string nonce, int cap)
    {
        _prefix = Encoding.ASCII.GetBytes($"\n@@CODECUBE {nonce} ");
        _cap = cap;
    }

    /// <summary>The marker's status once the marker line has been seen on this stream.</summary>
    public MarkerStatus? Marker { get; private set; }

    /// <summary>True once more bytes arrived than the cap allows; the rest was dropped.</summary>
    public bool Overflowed { get; private set; }

    /// <summary>Bytes of output that arrived, kept or not (marker excluded).</summary>
    public long TotalBytes { get; private set; }

    /// <summary>The end marker (<c>exit N</c> / <c>signal N</c>) once the program's exit was reported on this stream.</summary>
    public MarkerStatus? End { get; private set; }

    /// <summary>
    /// Takes one chunk. Returns the newly kept text for live progress (may be empty); markers are never part of it.
    /// Before the run marker everything is held (it may be compile output); after it, output flows at once except a
    /// tail that could be the start of the end marker.
    /// </summary>
    public string Append(ReadOnlySpan<byte> chunk)
    {
        if (End is not null)
        {
            return Keep(chunk, flush: false);
        }

        _pending.Write(chunk);
        var text = "";
        while (true)
        {
            var span = _pending.WrittenSpan;
            if (TryFindMarker(span, out var at, out var status, out var after))
            {
                var parsed = MarkerStatus.Parse(status);
                var afterRun = Marker is not null;
                // After the run only an end marker counts; any other copy is the program's own output.
                text += Keep(span[..(afterRun && !parsed.IsEnd ? after : at)], flush: false);
                var rest = span[after..].ToArray();
                _pending.Clear();
                _searchFrom = 0;
                if (afterRun && !parsed.IsEnd || !afterRun && parsed.Kind == MarkerKind.Run)
                {
                    Marker ??= parsed;
                    _pending.Write(rest);
                    continue;
                }

                if (afterRun)
                {
                    End = parsed;
                }
                else
                {
                    Marker = parsed;
                }

                return text + Keep(rest, flush: false);
            }

            if (Marker is null)
            {
                if (span.Length > _cap + _prefix.Length + MaxStatusBytes)
                {
                    // Compile output alone is past the cap; keep what fits and let the caller stop the container.
                    text += Keep(span, flush: false);
                    _pending.Clear();
                    _searchFrom = 0;
                }

                return text;
            }

            var hold = PossibleMarkerStart(span);
            text += Keep(span[..hold], flush: false);
            var tail = span[hold..].ToArray();
            _pending.Clear();
            _pending.Write(tail);
            _searchFrom = 0;
            return text;
        }
    }

    /// <summary>At end of stream: output that never saw a marker is kept as it is (a runner error explains it).</summary>
    public string Complete()
    {
        var text = "";
        if (_pending.WrittenCount > 0)
        {
            text = Keep(_pending.WrittenSpan, flush: false);
            _pending.Clear();
        }

        return text + Keep([], flush: true);
    }

    private bool TryFindMarker(ReadOnlySpan<byte> span, out int at, out string status, out int after)
    {
        while (true)
        {
            at = span[_searchFrom..].IndexOf(_prefix);
            status = "";
            after = 0;
            if (at < 0)
            {
                _searchFrom = Math.Max(0, span.Length - _prefix.Length + 1);
                return false;
            }

            at += _searchFrom;
            var statusStart = at + _prefix.Length;
            var end = span[statusStart..].IndexOf(Terminator);
            if (end < 0 || end > MaxStatusBytes)
            {
                if (end < 0 && span.Length - statusStart <= MaxStatusBytes)
                {
                    _searchFrom = at;
                    return false;
                }

                // Not a real marker after all: the nonce matched but no terminator followed in time. Search on.
                _searchFrom = at + 1;
                continue;
            }

            status = Encoding.ASCII.GetString(span.Slice(statusStart, end));
            after = statusStart + end + Terminator.Length;
            return true;
        }
    }

    /// <summary>Where a marker may be starting at the end of <paramref name="span"/>; its length when none can.</summary>
    private int PossibleMarkerStart(ReadOnlySpan<byte> span)
    {
        var from = Math.Max(0, span.Length - (_prefix.Length + MaxStatusBytes + Terminator.Length));
        for (var i = from; i < span.Length; i++)
        {
            if (span[i] != (byte)'\n')
            {
                continue;
            }

            var tail = span[i..];
            var candidate = tail.Length <= _prefix.Length
                ? _prefix.AsSpan().StartsWith(tail)
                : tail.StartsWith(_prefix) && tail.Length - _prefix.Length <= MaxStatusBytes + Terminator.Length;
            if (candidate)
            {
                return i;
            }
        }

        return span.Length;
    }

    /// <summary>Everything kept, decoded as UTF-8 with invalid bytes replaced by U+FFFD.</summary>
    public string Text => Encoding.UTF8.GetString(_kept.WrittenSpan);

    private string Keep(ReadOnlySpan<byte> bytes, bool flush)
    {
        TotalBytes += bytes.Length;
        if (Overflowed)
        {
            return "";
        }

        var room = _cap - _kept.WrittenCount;
        if (bytes.Length > room)
        {
            Overflowed = true;
            bytes = bytes[..Utf8Text.SafeCut(bytes, room)];
        }

        _kept.Write(bytes);
        return Decode(bytes, flush || Overflowed);
    }

    private string Decode(ReadOnlySpan<byte> bytes, bool flush)
    {
        var chars = new char[_decoder.GetCharCount(bytes, flush)];
        var count = _decoder.GetChars(bytes, chars, flush);
        return new string(chars, 0, count);
    }
}

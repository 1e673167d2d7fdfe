using System.Buffers;

namespace PatientCentric.Serialization;

/// <summary>Reads a stream's lines as UTF-8 bytes, without decoding them: each line is a span over a pooled buffer, valid
/// until the next read. A line ends at <c>\n</c> (a <c>\r</c> before it is dropped) or at the end of the stream; the
/// buffer grows to hold a line longer than it. The stream is left open.</summary>
internal sealed class Utf8LineReader(Stream stream) : IDisposable
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
    private int _start, _end, _scanned;   // the unread bytes are [_start, _end); [_start, _scanned) hold no '\n'
    private bool _atEnd;

    /// <summary>Reads the next line into <paramref name="line"/>; <see langword="false"/> at the end of the stream.</summary>
    public bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        while (true)
        {
            int newLine = _buffer.AsSpan(_scanned, _end - _scanned).IndexOf((byte)'\n');
            if (newLine >= 0)
            {
                int length = _scanned - _start + newLine;
                line = TrimReturn(_buffer.AsSpan(_start, length));
                _start = _scanned = _start + length + 1;
                return true;
            }
            _scanned = _end;
            if (_atEnd)
            {
                line = TrimReturn(_buffer.AsSpan(_start, _end - _start));
                bool any = _end > _start;
                _start = _scanned = _end;
                return any;
            }
            Fill();
        }
    }

    private static ReadOnlySpan<byte> TrimReturn(ReadOnlySpan<byte> line) => line is [.. var rest, (byte)'\r'] ? rest : line;

    // Moves the unfinished line to the front (growing the buffer when it fills it), then reads what fits after it.
    private void Fill()
    {
        int kept = _end - _start;
        if (kept == _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            _buffer.AsSpan(_start, kept).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }
        else if (_start > 0)
        {
            _buffer.AsSpan(_start, kept).CopyTo(_buffer);
        }
        _scanned -= _start;
        _start = 0;
        _end = kept;
        int read = stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
            _atEnd = true;
        else
            _end += read;
    }

    /// <summary>Returns the buffer to the pool.</summary>
    public void Dispose()
    {
        if (_buffer.Length > 0)
            ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}

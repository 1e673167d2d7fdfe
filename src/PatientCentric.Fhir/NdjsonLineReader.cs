using System.Buffers;

namespace PatientCentric.Fhir;

/// <summary>What <see cref="NdjsonLineReader.Read"/> found.</summary>
internal enum NdjsonLine
{
    /// <summary>No more lines.</summary>
    End,

    /// <summary>A line of at most the reader's limit.</summary>
    Line,

    /// <summary>A line longer than the limit: it was skipped to its LF without being held, and counts as one line.</summary>
    TooLong,
}

/// <summary>Reads a stream as UTF-8 lines (LF or CRLF) without decoding them, through one pooled buffer that grows only
/// to the longest line read, and never beyond <c>maxLineBytes</c> + 1 bytes: a longer line is skipped to its LF while
/// counting, so a hostile line (say 1 GB without a line break) costs time, not memory. A UTF-8 byte-order mark at the
/// start is skipped.</summary>
internal sealed class NdjsonLineReader : IDisposable
{
    private readonly Stream _stream;
    private readonly int _maxLineBytes;
    private byte[] _buffer;
    private bool _pooled = true;
    private int _start, _end, _scanned;   // unread bytes are [_start, _end); [_start, _scanned) holds no LF
    private bool _eof, _first = true;

    /// <param name="stream">The stream (owned by the caller).</param>
    /// <param name="maxLineBytes">The longest line, in bytes before its LF (a CR before it counts), that is returned.</param>
    /// <param name="initialSize">The first buffer's size.</param>
    public NdjsonLineReader(Stream stream, int maxLineBytes, int initialSize = 1 << 20)
    {
        System.Diagnostics.Debug.Assert(maxLineBytes > 0 && maxLineBytes < Array.MaxLength, "limit in range");
        _stream = stream;
        _maxLineBytes = maxLineBytes;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Min(initialSize, maxLineBytes + 1));
    }

    /// <summary>The next line (without its LF or CRLF), valid until the next call.</summary>
    /// <returns><see cref="NdjsonLine.Line"/> with the line, <see cref="NdjsonLine.TooLong"/> (line empty) for a line over
    /// the limit, or <see cref="NdjsonLine.End"/> at the end of the stream.</returns>
    /// <exception cref="InvalidDataException">The stream (a decompressing one) found corrupt or truncated data.</exception>
    public NdjsonLine Read(out ReadOnlySpan<byte> line)
    {
        line = default;
        while (true)
        {
            int nl = _buffer.AsSpan(_scanned, _end - _scanned).IndexOf((byte)'\n');
            if (nl >= 0)
            {
                int end = _scanned + nl;
                var text = _buffer.AsSpan(_start, end - _start);
                _start = _scanned = end + 1;
                if (text.Length > _maxLineBytes) { _first = false; return NdjsonLine.TooLong; }
                line = Trim(text);
                return NdjsonLine.Line;
            }
            _scanned = _end;
            if (_end - _start > _maxLineBytes) return SkipRest();
            if (_eof)
            {
                if (_start == _end) return NdjsonLine.End;
                line = Trim(_buffer.AsSpan(_start, _end - _start));
                _start = _scanned = _end;
                return NdjsonLine.Line;
            }
            Fill();
        }
    }

    /// <summary>The line from <c>_start</c> is over the limit: drops what is buffered and reads on to its LF (or the end),
    /// reusing the buffer.</summary>
    private NdjsonLine SkipRest()
    {
        _first = false;
        while (true)
        {
            _start = _scanned = _end = 0;
            if (_eof) return NdjsonLine.TooLong;
            Fill();
            int nl = _buffer.AsSpan(0, _end).IndexOf((byte)'\n');
            if (nl >= 0)
            {
                _start = _scanned = nl + 1;
                return NdjsonLine.TooLong;
            }
        }
    }

    private void Fill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _scanned -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length)
        {
            // Grow to hold the current line, but never past the limit + 1 byte (enough to see that a line is too long).
            int size = (int)Math.Min((long)_buffer.Length * 2, _maxLineBytes + 1L);
            bool pooled = size <= 1 << 30 && (size & (size - 1)) == 0;   // the pool rounds other sizes up to a power of 2
            var bigger = pooled ? ArrayPool<byte>.Shared.Rent(size) : GC.AllocateUninitializedArray<byte>(size);
            Buffer.BlockCopy(_buffer, 0, bigger, 0, _end);
            Release();
            _buffer = bigger;
            _pooled = pooled;
        }
        int n = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (n == 0) { _eof = true; return; }
        _end += n;
    }

    private ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> line)
    {
        if (_first)
        {
            _first = false;
            if (line.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) line = line[3..];
        }
        return line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;
    }

    private void Release()
    {
        var buffer = _buffer;
        _buffer = [];
        if (_pooled && buffer.Length > 0) ArrayPool<byte>.Shared.Return(buffer);
    }

    /// <summary>Returns the buffer to the pool (the stream belongs to the caller).</summary>
    public void Dispose() => Release();
}

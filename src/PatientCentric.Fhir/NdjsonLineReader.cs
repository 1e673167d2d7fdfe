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
/// to the longest line read, and never beyond <c>maxLineBytes</c> + 1 bytes: a longer line is dropped as it arrives
/// and reported once, as too long, when its LF (or the end) comes, so a hostile line (say 1 GB without a line break)
/// costs time, not memory. A UTF-8 byte-order mark at the start is skipped.</summary>
/// <remarks>One line loop (<see cref="TryReadLine"/>) for both ways of reading: <see cref="Read"/> fills the buffer
/// synchronously as it needs; an asynchronous caller takes the lines already buffered with <see cref="TryReadLine"/>
/// and fills with <see cref="FillAsync"/>, so no read blocks.</remarks>
internal sealed class NdjsonLineReader : IDisposable
{
    private readonly Stream _stream;
    private readonly int _maxLineBytes;
    private byte[] _buffer;
    private bool _pooled = true;
    private int _start, _end, _scanned;   // unread bytes are [_start, _end); [_start, _scanned) holds no LF
    private bool _eof, _first = true, _skipping;   // _skipping: the current line is over the limit and being dropped

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

    /// <summary>Gets whether every line has been taken.</summary>
    public bool IsAtEnd => _eof && _start == _end;

    /// <summary>The next line (without its LF or CRLF), valid until the next call, reading the stream as needed.</summary>
    /// <returns><see cref="NdjsonLine.Line"/> with the line, <see cref="NdjsonLine.TooLong"/> (line empty) for a line over
    /// the limit, or <see cref="NdjsonLine.End"/> at the end of the stream.</returns>
    /// <exception cref="InvalidDataException">The stream (a decompressing one) found corrupt or truncated data.</exception>
    public NdjsonLine Read(out ReadOnlySpan<byte> line)
    {
        while (true)
        {
            if (TryReadLine(out line, out bool tooLong)) return tooLong ? NdjsonLine.TooLong : NdjsonLine.Line;
            if (IsAtEnd) return NdjsonLine.End;
            Fill();
        }
    }

    /// <summary>The next buffered line (without its LF or CRLF), valid until the next call; false when no whole line is
    /// buffered (fill, unless <see cref="IsAtEnd"/>). <paramref name="tooLong"/> is true (and the line empty) for a line
    /// over the limit, which counts as one line.</summary>
    public bool TryReadLine(out ReadOnlySpan<byte> line, out bool tooLong)
    {
        tooLong = false;
        int nl = _buffer.AsSpan(_scanned, _end - _scanned).IndexOf((byte)'\n');
        if (nl >= 0)
        {
            int end = _scanned + nl;
            var text = _buffer.AsSpan(_start, end - _start);
            _start = _scanned = end + 1;
            if (_skipping || text.Length > _maxLineBytes)
            {
                _skipping = _first = false;
                tooLong = true;
                line = default;
                return true;
            }
            line = Trim(text);
            return true;
        }
        _scanned = _end;
        if (_skipping || _end - _start > _maxLineBytes)
        {
            // Over the limit without its LF yet: drop what is buffered and keep dropping until the LF (or the end).
            _skipping = true;
            _first = false;
            _start = _scanned = _end = 0;
            line = default;
            if (!_eof) return false;
            _skipping = false;
            tooLong = true;
            return true;
        }
        if (_eof && _start < _end)
        {
            line = Trim(_buffer.AsSpan(_start, _end - _start));
            _start = _scanned = _end;
            return true;
        }
        line = default;
        return false;
    }

    /// <summary>Reads more of the stream into the buffer (growing it when a line fills it).</summary>
    /// <exception cref="InvalidDataException">The stream (a decompressing one) found corrupt or truncated data.</exception>
    private void Fill()
    {
        int at = MakeRoom();   // first: it may replace the buffer
        Filled(_stream.Read(_buffer, at, _buffer.Length - at));
    }

    /// <summary>Reads more of the stream into the buffer, asynchronously (growing it when a line fills it).</summary>
    /// <exception cref="InvalidDataException">The stream (a decompressing one) found corrupt or truncated data.</exception>
    public async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        int at = MakeRoom();
        Filled(await _stream.ReadAsync(_buffer.AsMemory(at), cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Moves the unread bytes to the buffer's start and grows it when they fill it; returns where to read to.</summary>
    private int MakeRoom()
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
        return _end;
    }

    private void Filled(int read)
    {
        if (read == 0) _eof = true;
        else _end += read;
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

using System.Buffers;

namespace PatientCentric.Fhir;

/// <summary>The asynchronous twin of <see cref="NdjsonLineReader"/>: the same lines (LF or CRLF, a UTF-8 byte-order mark
/// at the start skipped, one pooled buffer that grows only to the longest line), but the caller fills the buffer with
/// <see cref="FillAsync"/> and takes the lines already buffered with <see cref="TryReadLine"/>, so no read blocks. Like
/// its twin it never holds more than <c>maxLineBytes</c> + 1 bytes of one line: a longer line is dropped as it arrives and
/// reported once, as too long, when its LF (or the end) comes.</summary>
/// <param name="stream">The stream (owned by the caller).</param>
/// <param name="maxLineBytes">The longest line, in bytes before its LF (a CR before it counts), that is returned.</param>
/// <param name="initialSize">The first buffer's size.</param>
internal sealed class AsyncNdjsonLineReader(Stream stream, int maxLineBytes, int initialSize = 1 << 20) : IDisposable
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(Math.Min(initialSize, maxLineBytes + 1));
    private int _start, _end, _scanned;   // unread bytes are [_start, _end); [_start, _scanned) holds no LF
    private bool _eof, _first = true, _skipping;   // _skipping: the current line is over the limit and being dropped

    /// <summary>Gets whether every line has been taken.</summary>
    public bool IsAtEnd => _eof && _start == _end;

    /// <summary>The next buffered line (without its LF or CRLF), valid until the next call; false when no whole line is
    /// buffered (call <see cref="FillAsync"/>, unless <see cref="IsAtEnd"/>). <paramref name="tooLong"/> is true (and the
    /// line empty) for a line over the limit, which counts as one line.</summary>
    public bool TryReadLine(out ReadOnlySpan<byte> line, out bool tooLong)
    {
        tooLong = false;
        int nl = _buffer.AsSpan(_scanned, _end - _scanned).IndexOf((byte)'\n');
        if (nl >= 0)
        {
            int end = _scanned + nl;
            var text = _buffer.AsSpan(_start, end - _start);
            _start = _scanned = end + 1;
            if (_skipping || text.Length > maxLineBytes)
            {
                _skipping = _first = false;
                tooLong = true;
                line = default;
                return true;
            }
            line = TrimCr(text);
            return true;
        }
        _scanned = _end;
        if (_skipping || _end - _start > maxLineBytes)
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
            line = TrimCr(_buffer.AsSpan(_start, _end - _start));
            _start = _scanned = _end;
            return true;
        }
        line = default;
        return false;
    }

    /// <summary>Reads more of the stream into the buffer (growing it when a line fills it).</summary>
    public async ValueTask FillAsync(CancellationToken cancellationToken)
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
            // Grow to hold the current line, never past the limit + 1 byte (TryReadLine drops a line beyond it first).
            var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)_buffer.Length * 2, maxLineBytes + 1L));
            Buffer.BlockCopy(_buffer, 0, bigger, 0, _end);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }
        int n = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        if (n == 0) _eof = true;
        else _end += n;
    }

    private ReadOnlySpan<byte> TrimCr(ReadOnlySpan<byte> line)
    {
        if (_first)
        {
            _first = false;
            if (line.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) line = line[3..];
        }
        return line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;
    }

    /// <summary>Returns the buffer to the pool (the stream belongs to the caller).</summary>
    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        if (buffer.Length > 0) ArrayPool<byte>.Shared.Return(buffer);
    }
}

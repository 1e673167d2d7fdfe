using System.Buffers;

namespace PatientCentric.Fhir;

/// <summary>The asynchronous twin of <see cref="NdjsonLineReader"/>: the same lines (LF or CRLF, a UTF-8 byte-order mark
/// at the start skipped, one pooled buffer that grows only to the longest line), but the caller fills the buffer with
/// <see cref="FillAsync"/> and takes the lines already buffered with <see cref="TryReadLine"/>, so no read blocks.</summary>
internal sealed class AsyncNdjsonLineReader(Stream stream, int initialSize = 1 << 20) : IDisposable
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(initialSize);
    private int _start, _end, _scanned;   // unread bytes are [_start, _end); [_start, _scanned) holds no LF
    private bool _eof, _first = true;

    /// <summary>Gets whether every line has been taken.</summary>
    public bool IsAtEnd => _eof && _start == _end;

    /// <summary>The next buffered line (without its LF or CRLF), valid until the next call; false when no whole line is
    /// buffered (call <see cref="FillAsync"/>, unless <see cref="IsAtEnd"/>).</summary>
    public bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        int nl = _buffer.AsSpan(_scanned, _end - _scanned).IndexOf((byte)'\n');
        if (nl >= 0)
        {
            int end = _scanned + nl;
            line = TrimCr(_buffer.AsSpan(_start, end - _start));
            _start = _scanned = end + 1;
            return true;
        }
        _scanned = _end;
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
            var bigger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
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

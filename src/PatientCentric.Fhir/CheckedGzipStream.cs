using System.IO.Compression;

namespace PatientCentric.Fhir;

/// <summary>Decompresses a gzip file (one member or several) and throws <see cref="InvalidDataException"/> when it ends
/// before its last member's 8-byte trailer (CRC-32 and length), which <see cref="GZipStream"/> does not: given a truncated
/// file it returns the data decoded so far and then a clean end of stream (dotnet/runtime#47563).</summary>
/// <remarks>How: a complete gzip member holding a fixed marker is appended to the file's bytes. When the file is whole,
/// that member decodes on its own (gzip allows several members, RFC 1952 §2.2) and the output ends with the marker, which
/// this stream checks and removes. When the file stops inside a member, the marker member's bytes continue the broken
/// deflate data or trailer instead: zlib then fails on them (a bad block, CRC or length: <see cref="InvalidDataException"/>),
/// or the output does not end with the marker. Bytes after the last member (which gzip ignores with a warning) also
/// hide the marker, so they count as corrupt too. A file of zero bytes decodes to nothing.</remarks>
internal sealed class CheckedGzipStream : Stream
{
    private static readonly byte[] Marker = "\n#PatientCentric gzip end 5c1f9e27d0a84b36#\n"u8.ToArray();
    private static readonly byte[] MarkerMember = Compress(Marker);

    private readonly GZipStream _gzip;
    private readonly byte[] _held = new byte[Marker.Length];   // the last bytes decoded, not yet passed on
    private int _heldCount;
    private bool _done;

    /// <param name="file">The compressed bytes; disposed with this stream.</param>
    public CheckedGzipStream(Stream file) => _gzip = new GZipStream(new Appended(file, MarkerMember), CompressionMode.Decompress);

    private static byte[] Compress(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(data);
        return output.ToArray();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty || _done) return 0;
        while (true)
        {
            // Decode into the caller's buffer after the held bytes, then hold back the last Marker.Length bytes again.
            if (buffer.Length <= _heldCount)
            {
                // A tiny buffer: decode one byte at a time; pass a held byte on only once Marker.Length bytes follow it.
                Span<byte> one = stackalloc byte[1];
                int got = _gzip.Read(one);
                if (got == 0) return Finish();
                if (_heldCount < Marker.Length) { _held[_heldCount++] = one[0]; continue; }
                buffer[0] = _held[0];
                _held.AsSpan(1, _heldCount - 1).CopyTo(_held);
                _held[_heldCount - 1] = one[0];
                return 1;
            }
            _held.AsSpan(0, _heldCount).CopyTo(buffer);
            int n = _gzip.Read(buffer[_heldCount..]);
            if (n == 0) return Finish();
            int total = _heldCount + n;
            _heldCount = Math.Min(Marker.Length, total);
            buffer.Slice(total - _heldCount, _heldCount).CopyTo(_held);
            int give = total - _heldCount;
            if (give > 0) return give;
        }
    }

    private int Finish()
    {
        _done = true;
        if (!_held.AsSpan(0, _heldCount).SequenceEqual(Marker))
            throw new InvalidDataException("The gzip data ends before its last member's trailer, or has bytes after it.");
        return 0;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _gzip.Dispose();
        base.Dispose(disposing);
    }

    /// <summary>A stream's bytes, then a fixed tail.</summary>
    private sealed class Appended(Stream head, byte[] tail) : Stream
    {
        private int _tailRead;
        private bool _headDone;

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (!_headDone)
            {
                int n = head.Read(buffer);
                if (n > 0 || buffer.IsEmpty) return n;
                _headDone = true;
            }
            int k = Math.Min(buffer.Length, tail.Length - _tailRead);
            tail.AsSpan(_tailRead, k).CopyTo(buffer);
            _tailRead += k;
            return k;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) head.Dispose();
            base.Dispose(disposing);
        }
    }
}

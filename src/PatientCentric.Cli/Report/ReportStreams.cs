using System.Text;

namespace PatientCentric.Cli.Report;

/// <summary>A write-only stream over another that checks a cancellation token before each write and reports the bytes
/// written so far, so that every output of a <c>report</c> run can be stopped and shown while it is written.</summary>
internal sealed class ReportOutputStream(Stream inner, string output, IProgress<ReportProgress>? progress, CancellationToken cancellationToken, bool ownsInner = false) : ForwardOnlyStream
{
    private long _written;

    public override bool CanRead => false;
    public override bool CanWrite => true;

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        cancellationToken.ThrowIfCancellationRequested();
        inner.Write(buffer);
        _written += buffer.Length;
        progress?.Report(new ReportProgress(ReportPhase.Write, output, _written));
    }

    public override void WriteByte(byte value) => Write([value]);

    public override void Flush() => inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && ownsInner)
            inner.Dispose();
        base.Dispose(disposing);
    }
}

/// <summary>A write-only stream that decodes UTF-8 bytes onto a <see cref="TextWriter"/> (standard output, or a test's
/// writer) a buffer at a time, so that a serializer can stream to it without the whole text in memory.</summary>
internal sealed class TextWriterStream(TextWriter writer) : ForwardOnlyStream
{
    private readonly Decoder _decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
    private readonly char[] _chars = new char[8192];

    public override bool CanRead => false;
    public override bool CanWrite => true;

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        // A character split between two writes stays in the decoder until its last byte comes.
        while (!buffer.IsEmpty)
        {
            _decoder.Convert(buffer, _chars, flush: false, out int used, out int chars, out _);
            writer.Write(_chars, 0, chars);
            buffer = buffer[used..];
        }
    }

    public override void Flush() => writer.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>A read-only stream over a file that checks a cancellation token before each read (the data set reader
/// takes no token), and disposes the file with itself.</summary>
internal sealed class CancellableReadStream(Stream inner, CancellationToken cancellationToken) : ForwardOnlyStream
{
    public override bool CanRead => true;
    public override bool CanWrite => false;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return inner.Read(buffer);
    }

    public override void Flush() { }
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            inner.Dispose();
        base.Dispose(disposing);
    }
}

/// <summary>The part the streams above share: read or written front to back, never sought, with no length.</summary>
internal abstract class ForwardOnlyStream : Stream
{
    public sealed override bool CanSeek => false;
    public sealed override long Length => throw new NotSupportedException();
    public sealed override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public sealed override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public sealed override void SetLength(long value) => throw new NotSupportedException();
}

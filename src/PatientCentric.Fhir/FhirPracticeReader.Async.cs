using System.Buffers;

namespace PatientCentric.Fhir;

// Asynchronous reads, for hosts that download an export: the same records and data-quality report as the synchronous
// reads of the same bytes (tested), with the input read through ReadAsync. NDJSON is streamed line by line; a JSON file
// (a Bundle) is read whole into one pooled buffer, as ReadJsonFile does.
public sealed partial class FhirPracticeReader
{
    private const string JsonFormat = "json", NdjsonFormat = "ndjson";

    private readonly FhirTelemetry _telemetry;

    /// <summary>Reads Bulk Data NDJSON from streams as <see cref="ReadNdjson(IEnumerable{ValueTuple{string, Stream}}, IProgress{FhirReadProgress}?, CancellationToken)"/>
    /// does, reading each stream asynchronously. Each stream is read to its end and not disposed.</summary>
    /// <param name="files">Each file's name (used in progress and data-quality reports only; never put an identifier in
    /// it) and its content: UTF-8 NDJSON, already decompressed.</param>
    /// <param name="progress">Told after each stream and every 10,000 resources; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Passed to every read and checked before each line.</param>
    /// <returns>The data set and its quality report: the same as the synchronous read's.</returns>
    /// <exception cref="ArgumentException">A name is empty or a stream is null.</exception>
    /// <exception cref="FhirInputException"><see cref="FhirReadOptions.Strict"/> is set and the input has a problem.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<FhirReadResult> ReadNdjsonAsync(IEnumerable<(string Name, Stream Content)> files, IProgress<FhirReadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        var list = files.ToList();
        foreach (var (name, content) in list) CheckFile(name, content, nameof(files));
        using var observed = new FhirReadObservation(_telemetry, NdjsonFormat);
        var run = NewRun(list.Count, progress, cancellationToken);
        foreach (var (name, content) in list)
            await ReadNdjsonStreamAsync(run, name, content, cancellationToken).ConfigureAwait(false);
        return observed.Complete(run.Build(), list.Count);
    }

    /// <summary>Reads Bulk Data NDJSON files as they arrive, such as the output files of a <c>$export</c> while they are
    /// downloaded: the next file is asked for only when the one before has been read to its end, so a host's iterator may
    /// dispose each stream after the <c>yield return</c> that gave it.</summary>
    /// <param name="files">Each file's name (used in progress and data-quality reports only; never put an identifier in
    /// it) and its content: UTF-8 NDJSON, already decompressed (wrap a <c>.ndjson.gz</c> download in a
    /// <see cref="System.IO.Compression.GZipStream"/>).</param>
    /// <param name="progress">Told after each stream and every 10,000 resources; <see cref="FhirReadProgress.FilesTotal"/>
    /// is 0 because the number of files is not known in advance. <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Passed to the enumeration and every read, and checked before each line.</param>
    /// <returns>The data set and its quality report: the same as the synchronous read of the same files'.</returns>
    /// <exception cref="ArgumentException">A name is empty or a stream is null.</exception>
    /// <exception cref="FhirInputException"><see cref="FhirReadOptions.Strict"/> is set and the input has a problem.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<FhirReadResult> ReadNdjsonAsync(IAsyncEnumerable<(string Name, Stream Content)> files, IProgress<FhirReadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        using var observed = new FhirReadObservation(_telemetry, NdjsonFormat);
        var run = NewRun(0, progress, cancellationToken);
        int count = 0;
        await foreach (var (name, content) in files.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            CheckFile(name, content, nameof(files));
            await ReadNdjsonStreamAsync(run, name, content, cancellationToken).ConfigureAwait(false);
            count++;
        }
        return observed.Complete(run.Build(), count);
    }

    /// <summary>Reads JSON files (each a Bundle of any type or a single resource) as they arrive, as
    /// <see cref="ReadJsonFolder"/> reads a folder's: each stream is read whole, asynchronously, into one pooled buffer,
    /// then mapped. The next file is asked for only when the one before has been read.</summary>
    /// <param name="files">Each file's name (used in progress and data-quality reports only; never put an identifier in
    /// it) and its content: UTF-8 JSON.</param>
    /// <param name="progress">Told after each file and every 10,000 resources; <see cref="FhirReadProgress.FilesTotal"/>
    /// is 0 because the number of files is not known in advance. <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Passed to the enumeration and every read, and checked before each resource.</param>
    /// <returns>The data set and its quality report: the same as the synchronous read of the same files'.</returns>
    /// <exception cref="ArgumentException">A name is empty or a stream is null.</exception>
    /// <exception cref="IOException">A file is larger than the largest array (use NDJSON for exports this large).</exception>
    /// <exception cref="FhirInputException"><see cref="FhirReadOptions.Strict"/> is set and the input has a problem.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<FhirReadResult> ReadJsonAsync(IAsyncEnumerable<(string Name, Stream Content)> files, IProgress<FhirReadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        using var observed = new FhirReadObservation(_telemetry, JsonFormat);
        var run = NewRun(0, progress, cancellationToken);
        int count = 0;
        await foreach (var (name, content) in files.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            CheckFile(name, content, nameof(files));
            await ReadJsonStreamAsync(run, name, content, cancellationToken).ConfigureAwait(false);
            count++;
        }
        return observed.Complete(run.Build(), count);
    }

    /// <summary>Reads one JSON stream holding a Bundle (any type) or a single resource, asynchronously; see
    /// <see cref="ReadJsonAsync(IAsyncEnumerable{ValueTuple{string, Stream}}, IProgress{FhirReadProgress}?, CancellationToken)"/>.</summary>
    /// <param name="name">The file's name, used in progress and data-quality reports only; never put an identifier in it.</param>
    /// <param name="content">UTF-8 JSON; read to its end and not disposed.</param>
    /// <param name="progress">Told after the file and every 10,000 resources; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Passed to every read and checked before each resource.</param>
    /// <returns>The data set and its quality report.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, or <paramref name="content"/> is null.</exception>
    /// <exception cref="IOException">The stream is larger than the largest array.</exception>
    /// <exception cref="FhirInputException"><see cref="FhirReadOptions.Strict"/> is set and the input has a problem.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<FhirReadResult> ReadJsonAsync(string name, Stream content, IProgress<FhirReadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(content);
        using var observed = new FhirReadObservation(_telemetry, JsonFormat);
        var run = NewRun(1, progress, cancellationToken);
        await ReadJsonStreamAsync(run, name, content, cancellationToken).ConfigureAwait(false);
        return observed.Complete(run.Build(), 1);
    }

    private static void CheckFile(string name, Stream content, string paramName)
    {
        ArgumentException.ThrowIfNullOrEmpty(name, paramName);
        ArgumentNullException.ThrowIfNull(content, paramName);
    }

    private async Task ReadNdjsonStreamAsync(Run run, string name, Stream stream, CancellationToken ct)
    {
        using var lines = new NdjsonLineReader(stream, _options.MaxLineBytes);
        int line = 0;
        while (true)
        {
            line = ReadBufferedLines(run, name, lines, line);
            if (lines.IsAtEnd) break;
            try
            {
                await lines.FillAsync(ct).ConfigureAwait(false);
            }
            catch (InvalidDataException)
            {
                // A corrupt gzip stream: nothing after this point can be read. Count it and go on with the next file.
                run.Collector.Position = run.PositionOf(line + 1);
                run.Collector.Issue(FhirIssueCode.Malformed, name, line + 1, null);
                break;
            }
        }
        run.FileDone(name);
    }

    // Every whole line already buffered; returns the last line number.
    private int ReadBufferedLines(Run run, string name, NdjsonLineReader lines, int line)
    {
        while (lines.TryReadLine(out var text, out bool tooLong))
        {
            if (tooLong)
                ReadTooLongLine(run, name, ++line);
            else
                ReadNdjsonLine(run, name, ++line, text);
        }
        return line;
    }

    private async Task ReadJsonStreamAsync(Run run, string name, Stream stream, CancellationToken ct)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(stream.CanSeek ? (int)Math.Clamp(stream.Length - stream.Position + 1, 1, Array.MaxLength) : 1 << 16);
        int length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (buffer.Length >= Array.MaxLength)
                        throw new IOException($"A JSON file is larger than {Array.MaxLength:N0} bytes, the most one Bundle can be read as; use NDJSON for exports this large.");
                    var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, Array.MaxLength));
                    Buffer.BlockCopy(buffer, 0, bigger, 0, length);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }
                int n = await stream.ReadAsync(buffer.AsMemory(length), ct).ConfigureAwait(false);
                if (n == 0) break;
                length += n;
            }
            ReadJsonBytes(run, name, buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

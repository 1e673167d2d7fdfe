using System.Buffers;

namespace PatientCentric.Fhir;

// The NDJSON read on more than one core: this thread cuts the stream into batches of lines, other threads parse each
// batch into its resources' facts (parsing depends on nothing but the line), and this thread applies the parsed batches
// to the one collector strictly in line order. So the collector sees exactly the sequence of one sequential read, and
// the data set, the issues and their order are identical (tested); only the parsing overlaps the mapping.
public sealed partial class FhirPracticeReader
{
    /// <summary>The bytes of lines a batch holds before it is handed to a parsing thread.</summary>
    private const int DefaultBatchBytes = 1 << 20;

    /// <summary>Gets or sets whether NDJSON lines are parsed on other threads (fast path, more than one core) while this
    /// one applies them in order. Off by default: on the 2-core machine of docs/performance.md it gave no faster read
    /// end to end and cost 15 % more CPU and 25 % more peak memory; tests and benchmarks turn it on.</summary>
    internal bool ParallelParse { get; init; }

    /// <summary>Gets or sets the bytes of lines per parsed batch (tests make it small, to cross many batches).</summary>
    internal int BatchBytes { get; init; } = DefaultBatchBytes;

    /// <summary>Gets the batches that may be parsed or waiting while this thread applies the oldest: enough to keep the
    /// other cores busy, few enough to bound the memory to a few batches.</summary>
    private static int MaxInFlight => Math.Clamp(Environment.ProcessorCount, 2, 4);

    private bool ParsesInParallel => ParallelParse && _options.Parser == FhirParser.Utf8;

    /// <summary>As <see cref="ReadNdjsonStream"/>, with the parsing on other threads.</summary>
    private void ReadNdjsonStreamInParallel(Run run, string name, Stream stream)
    {
        using var lines = new NdjsonLineReader(stream, _options.MaxLineBytes);
        var inFlight = new Queue<(LineBatch Batch, Task Parse)>();
        var batch = new LineBatch(BatchBytes, firstLine: 1);
        int line = 0;
        bool corrupt = false;
        try
        {
            while (true)
            {
                ReadOnlySpan<byte> text;
                NdjsonLine kind;
                try
                {
                    kind = lines.Read(out text);
                }
                catch (InvalidDataException)
                {
                    corrupt = true;   // counted once the lines before it are applied
                    break;
                }
                if (kind == NdjsonLine.End) break;
                line++;
                batch.Add(kind == NdjsonLine.TooLong, text);
                if (batch.IsFull)
                {
                    inFlight.Enqueue((batch, Task.Run(batch.Parse(this))));
                    batch = new LineBatch(BatchBytes, line + 1);
                    if (inFlight.Count >= MaxInFlight) ApplyOldest(run, name, inFlight);
                }
            }
            if (batch.Count > 0)
            {
                batch.Parse(this)();
                inFlight.Enqueue((batch, Task.CompletedTask));
            }
            else batch.Dispose();
            while (inFlight.Count > 0) ApplyOldest(run, name, inFlight);
        }
        finally
        {
            // Only when applying threw (cancelled, or a Strict read's first problem): wait for the parsers still running
            // before their buffers go back to the pool.
            foreach (var (pending, parse) in inFlight)
            {
                try { parse.Wait(); }
                catch (AggregateException) { }   // the first exception is already on its way
                pending.Dispose();
            }
        }
        if (corrupt)
        {
            // A corrupt or truncated .ndjson.gz: nothing after this point of the file can be read. Count it and go on.
            run.Collector.Position = run.PositionOf(line + 1);
            run.Collector.Issue(FhirIssueCode.Malformed, name, line + 1, null);
        }
        run.FileDone(name);
    }

    private static void ApplyOldest(Run run, string name, Queue<(LineBatch Batch, Task Parse)> inFlight)
    {
        var (batch, parse) = inFlight.Peek();
        parse.GetAwaiter().GetResult();   // a parser's own bug surfaces here, unwrapped
        inFlight.Dequeue();
        try
        {
            batch.Apply(run, name);
        }
        finally
        {
            batch.Dispose();
        }
    }

    /// <summary>Consecutive lines of one stream, copied into one pooled buffer, and once parsed, their resources.</summary>
    private sealed class LineBatch : IDisposable
    {
        private const int TooLong = -1;

        private readonly int _firstLine, _capacity;
        private byte[] _bytes;
        private int _length;
        // The lines' places in _bytes and (ParseKeys) their keys: arrays from the pool, longer than _count, given back on
        // Dispose, so a batch of a few thousand lines allocates neither (the keys' array would be on the large object heap).
        private (int Start, int Length)[] _lines;
        private int _count;
        private Parsed?[] _parsed = [];
        private LineKey?[] _keys = [];

        /// <param name="capacity">The bytes of lines after which the batch is full.</param>
        /// <param name="firstLine">The 1-based number of its first line in the stream.</param>
        public LineBatch(int capacity, int firstLine)
        {
            _firstLine = firstLine;
            _capacity = Math.Max(capacity, 1);
            _bytes = ArrayPool<byte>.Shared.Rent(_capacity);
            _lines = ArrayPool<(int, int)>.Shared.Rent(256);
        }

        public int Count => _count;

        /// <summary>Gets whether the batch holds its capacity of line bytes (a longer line is kept whole), or as many
        /// lines (blank ones, too long ones).</summary>
        public bool IsFull => _length >= _capacity || _count >= _capacity;

        private void AddLine(int start, int length)
        {
            if (_count == _lines.Length)
            {
                var bigger = ArrayPool<(int, int)>.Shared.Rent(_count * 2);
                _lines.AsSpan(0, _count).CopyTo(bigger);
                ArrayPool<(int, int)>.Shared.Return(_lines);
                _lines = bigger;
            }
            _lines[_count++] = (start, length);
        }

        public void Add(bool tooLong, ReadOnlySpan<byte> text)
        {
            if (tooLong) { AddLine(TooLong, 0); return; }
            if (_length + text.Length > _bytes.Length)
            {
                var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_bytes.Length * 2, _length + text.Length));
                Buffer.BlockCopy(_bytes, 0, bigger, 0, _length);
                ArrayPool<byte>.Shared.Return(_bytes);
                _bytes = bigger;
            }
            text.CopyTo(_bytes.AsSpan(_length));
            AddLine(_length, text.Length);
            _length += text.Length;
        }

        /// <summary>Parses every line that is neither blank nor too long (no shared state but the reader's type caches,
        /// which lock).</summary>
        public Action Parse(FhirPracticeReader reader) => () =>
        {
            var parsed = new Parsed?[_count];
            for (int i = 0; i < parsed.Length; i++)
            {
                var (start, length) = _lines[i];
                if (start == TooLong) continue;
                var text = _bytes.AsSpan(start, length);
                if (!IsBlank(text)) parsed[i] = reader.ParseNdjsonLine(text);
            }
            _parsed = parsed;
        };

        /// <summary>Reads each line that is neither blank nor too long as far as the partition step needs
        /// (<see cref="PatientOfLine"/>).</summary>
        public Action ParseKeys(FhirPracticeReader reader) => () =>
        {
            var keys = ArrayPool<LineKey?>.Shared.Rent(_count);
            for (int i = 0; i < _count; i++)
            {
                var (start, length) = _lines[i];
                var text = start == TooLong ? default : _bytes.AsSpan(start, length);
                keys[i] = start == TooLong || IsBlank(text) ? null : reader.PatientOfLine(text);
            }
            _keys = keys;
        };

        /// <summary>Applies the parsed lines in order, as <see cref="ReadNdjsonLine"/> and <see cref="ReadTooLongLine"/> do.</summary>
        public void Apply(Run run, string name)
        {
            for (int i = 0; i < _count; i++)
            {
                int line = _firstLine + i;
                if (_lines[i].Start == TooLong) ReadTooLongLine(run, name, line);
                else if (_parsed[i] is { } parsed)
                {
                    run.Resource(name);
                    FhirPracticeReader.Apply(run, parsed, name, line, urls: null);
                }
            }
        }

        /// <summary>Writes the lines read by <see cref="ParseKeys"/> out to their partitions in order, as
        /// <see cref="PartitionStream"/> does.</summary>
        public void Route(PartitionRouter router, int file, CancellationToken ct)
        {
            for (int i = 0; i < _count; i++)
            {
                ct.ThrowIfCancellationRequested();
                router.Count();
                var (start, length) = _lines[i];
                if (start == TooLong) router.TooLong(file, _firstLine + i);
                else if (_keys[i] is { } key) router.Resource(file, _firstLine + i, key, _bytes.AsSpan(start, length));
            }
        }

        public void Dispose()
        {
            var bytes = _bytes;
            _bytes = [];
            if (bytes.Length > 0) ArrayPool<byte>.Shared.Return(bytes);
            var lines = _lines;
            _lines = [];
            if (lines.Length > 0) ArrayPool<(int, int)>.Shared.Return(lines);
            var keys = _keys;
            _keys = [];
            // Cleared: the keys hold start literals, which the pool should not keep alive.
            if (keys.Length > 0) ArrayPool<LineKey?>.Shared.Return(keys, clearArray: true);
        }
    }
}

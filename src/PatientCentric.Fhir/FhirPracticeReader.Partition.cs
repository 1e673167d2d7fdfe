using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace PatientCentric.Fhir;

public sealed partial class FhirPracticeReader
{
    /// <summary>Splits Bulk Data NDJSON files (<c>.ndjson</c> or <c>.ndjson.gz</c>) by patient into
    /// <paramref name="partitions"/> files in <paramref name="folder"/>, reading every file once, line by line, so that
    /// each partition can then be read on its own (<see cref="FhirPartitions.Read"/>) in bounded memory
    /// (docs/scale.md#modes-by-size).</summary>
    /// <param name="paths">The files' paths, in the order a one-pass read would take them.</param>
    /// <param name="folder">A folder for the partition files, created if absent; it should be empty and private to this
    /// read. The returned <see cref="FhirPartitions"/> deletes it when disposed; on failure or cancellation it is deleted
    /// before this method throws.</param>
    /// <param name="partitions">How many partitions: 1 to 65,536.</param>
    /// <param name="progress">Told after each file and every 10,000 lines; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Checked before each line.</param>
    /// <returns>The partitions, ready to read.</returns>
    /// <remarks>A resource goes to partition <c>hash(patient id) mod partitions</c>, with a stable hash (64-bit FNV-1a of
    /// the id's UTF-8 bytes): a <c>Patient</c> by its own id, any other resource by the patient it refers to (subject,
    /// patient, <c>for</c>, actor, sender or recipient, as the mapping reads them). Every copy and every resource of one
    /// patient therefore lands in the same partition, so de-duplication by id and <c>meta.lastUpdated</c>, the joins and
    /// the missing-patient check stay as in one read. Resources without a patient (Practitioner, Schedule, Slot, lines that
    /// cannot be read…) go to partition 0. Each line keeps its file and line number, so problems are reported where they
    /// are in the input and record ids are numbered as one read numbers them.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="partitions"/> is outside 1 to 65,536.</exception>
    /// <exception cref="IOException">A file cannot be read, or the folder cannot be written.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public FhirPartitions PartitionNdjson(IEnumerable<string> paths, string folder, int partitions, IProgress<FhirReadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(partitions, 65_536);
        var files = paths.ToList();
        Directory.CreateDirectory(folder);
        var writers = new Stream[partitions];
        try
        {
            for (int k = 0; k < partitions; k++)
                writers[k] = ScratchFile.Create(FhirPartitions.PathOf(folder, k));
            var router = new PartitionRouter(this, writers);
            for (int f = 0; f < files.Count; f++)
            {
                using var file = new FileStream(files[f], FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
                using Stream stream = files[f].EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new CheckedGzipStream(file) : file;
                var name = Path.GetFileName(files[f]);
                if (PartitionsInParallel) PartitionStreamInParallel(router, stream, f, name, files.Count, progress, cancellationToken);
                else PartitionStream(router, stream, f, name, files.Count, progress, cancellationToken);
                progress?.Report(new FhirReadProgress(name, f + 1, files.Count, router.Lines));
            }
            foreach (var w in writers) w.Dispose();
            return new FhirPartitions(folder, partitions, [.. files.Select(Path.GetFileName).OfType<string>()], router.TasksRead, _options, _key, _telemetry)
            {
                VisitDates = router.VisitDates,
            };
        }
        catch
        {
            foreach (var w in writers) w?.Dispose();
            FhirPartitions.DeleteFolder(folder);
            throw;
        }
    }

    /// <summary>Gets whether the partitioning parses its lines on other threads while this one writes them out in order:
    /// on by default with the fast path on more than one core (the writing is light, the parsing is the work); tests turn it
    /// off to compare.</summary>
    internal bool ParallelPartition { get; init; } = Environment.ProcessorCount > 1;

    private bool PartitionsInParallel => ParallelPartition && _options.Parser == FhirParser.Utf8;

    /// <summary>Splits one file's lines, parsing each on this thread.</summary>
    private void PartitionStream(PartitionRouter router, Stream stream, int f, string name, int fileCount, IProgress<FhirReadProgress>? progress, CancellationToken ct)
    {
        using var reader = new NdjsonLineReader(stream, _options.MaxLineBytes);
        int line = 0;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            ReadOnlySpan<byte> text;
            NdjsonLine kind;
            try
            {
                kind = reader.Read(out text);
            }
            catch (InvalidDataException)
            {
                router.Corrupt(f, line + 1);
                break;
            }
            if (kind == NdjsonLine.End) break;
            line++;
            if (router.Count() % 10_000 == 0) progress?.Report(new FhirReadProgress(name, f, fileCount, router.Lines));
            if (kind == NdjsonLine.TooLong) router.TooLong(f, line);
            else if (!IsBlank(text)) router.Resource(f, line, PatientOfLine(text), text);
        }
    }

    /// <summary>As <see cref="PartitionStream"/>, with the lines parsed in batches on other threads and written out by this
    /// one in line order, so that every partition file is the same as the sequential partitioning writes.</summary>
    private void PartitionStreamInParallel(PartitionRouter router, Stream stream, int f, string name, int fileCount, IProgress<FhirReadProgress>? progress, CancellationToken ct)
    {
        using var reader = new NdjsonLineReader(stream, _options.MaxLineBytes);
        var inFlight = new Queue<(LineBatch Batch, Task Parse)>();
        var batch = new LineBatch(BatchBytes, firstLine: 1);
        int line = 0;
        bool corrupt = false;
        void WriteOldest()
        {
            var (oldest, parse) = inFlight.Peek();
            parse.GetAwaiter().GetResult();
            inFlight.Dequeue();
            try
            {
                oldest.Route(router, f, ct);
            }
            finally
            {
                oldest.Dispose();
            }
            progress?.Report(new FhirReadProgress(name, f, fileCount, router.Lines));
        }
        try
        {
            while (true)
            {
                ct.ThrowIfCancellationRequested();
                ReadOnlySpan<byte> text;
                NdjsonLine kind;
                try
                {
                    kind = reader.Read(out text);
                }
                catch (InvalidDataException)
                {
                    corrupt = true;   // written once the lines before it are
                    break;
                }
                if (kind == NdjsonLine.End) break;
                line++;
                batch.Add(kind == NdjsonLine.TooLong, text);
                if (batch.IsFull)
                {
                    inFlight.Enqueue((batch, Task.Run(batch.ParseKeys(this), CancellationToken.None)));
                    batch = new LineBatch(BatchBytes, line + 1);
                    if (inFlight.Count >= MaxInFlight) WriteOldest();
                }
            }
            if (batch.Count > 0)
            {
                batch.ParseKeys(this)();
                inFlight.Enqueue((batch, Task.CompletedTask));
            }
            else batch.Dispose();
            while (inFlight.Count > 0) WriteOldest();
        }
        finally
        {
            // Only when writing threw (cancelled, a full disk): wait for the parsers still running before their buffers go
            // back to the pool.
            foreach (var (pending, parse) in inFlight)
            {
                try { parse.Wait(CancellationToken.None); }
                catch (AggregateException) { }   // the first exception is already on its way
                pending.Dispose();
            }
        }
        if (corrupt) router.Corrupt(f, line + 1);
    }

    /// <summary>Writes each line of the input to its partition file, in line order, and notes what the partitions need to
    /// know of the whole input: whether any Task was read, and the earliest and latest visit date.</summary>
    private sealed class PartitionRouter(FhirPracticeReader reader, Stream[] writers)
    {
        private DateOnly? _first, _last;

        public int Lines { get; private set; }

        public bool TasksRead { get; private set; }

        public Scoring.MeasurementPeriod? VisitDates => _first is { } a && _last is { } b ? new Scoring.MeasurementPeriod(a, b) : null;

        /// <summary>Counts a line read (blank ones too) and returns the count.</summary>
        public int Count() => ++Lines;

        public void Corrupt(int file, int line) => WritePartitionLine(writers[0], file, line, FhirPartitions.Corrupt, []);

        public void TooLong(int file, int line) => WritePartitionLine(writers[0], file, line, FhirPartitions.TooLong, []);

        public void Resource(int file, int line, LineKey key, ReadOnlySpan<byte> text)
        {
            if (key.IsTask) TasksRead = true;
            else if (reader.VisitDate(key) is { } day)
            {
                if (_first is null || day < _first) _first = day;
                if (_last is null || day > _last) _last = day;
            }
            WritePartitionLine(writers[key.PatientHash is { } hash ? FhirPartitions.PartitionOf(hash, writers.Length) : 0], file, line, FhirPartitions.Resource, text);
        }
    }

    /// <summary>The local date of the visit a resource may become, as the mapping dates it: an Appointment by its start, a
    /// finished Encounter that names no Appointment by its period's start; <see langword="null"/> for other resources
    /// and dates that are not readable.</summary>
    private DateOnly? VisitDate(LineKey key) =>
        key.AppointmentStart is { } start ? LocalStartDate(start, instant: true)
        : key.EncounterStart is { } visit ? LocalStartDate(visit, instant: false)
        : null;

    /// <summary>The local date (in the practice's zone) of a FHIR instant or <c>dateTime</c> as the mapping reads it (a date
    /// alone is local midnight); <see langword="null"/> when it is not such a literal.</summary>
    private DateOnly? LocalStartDate(string start, bool instant)
    {
        if (!FhirDates.TryParse(start, instant, out var precision, out var date, out var time)) return null;
        if (precision == FhirDatePrecision.Day)
        {
            var local = date.ToDateTime(TimeOnly.MinValue);
            time = new DateTimeOffset(local, _timeZone.GetUtcOffset(local));
        }
        else if (precision != FhirDatePrecision.Time) return null;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time, _timeZone).DateTime);
    }

    /// <summary>The patient a resource belongs to, as the mapping keys it; <see langword="null"/> for practice-level
    /// resources and for resources that name no patient.</summary>
    private static string? PatientOf(ResourceFacts facts)
    {
        static string? First(ImmutableArray<string?> references)
        {
            foreach (var r in references)
                if (ResourceCollector.PatientId(r) is { } id) return id;
            return null;
        }
        return facts switch
        {
            PatientFacts p => p.Id,
            EncounterFacts e => ResourceCollector.PatientId(e.Subject),
            AppointmentFacts a => First(a.Actors),
            DispenseFacts d => ResourceCollector.PatientId(d.Subject),
            RequestFacts r => ResourceCollector.PatientId(r.Subject),
            ServiceRequestFacts s => ResourceCollector.PatientId(s.Subject),
            TaskFacts t => ResourceCollector.PatientId(t.Patient),
            ClaimFacts c => ResourceCollector.PatientId(c.Patient),
            ResponseFacts r => ResourceCollector.PatientId(r.Patient),
            SurveyFacts q => ResourceCollector.PatientId(q.Subject) ?? ResourceCollector.PatientId(q.Source),
            CommunicationFacts m => ResourceCollector.PatientId(m.Sender) ?? ResourceCollector.PatientId(m.Subject) ?? First(m.Recipients),
            _ => null,
        };
    }

    /// <summary>One partition line: <c>position kind TAB resource</c>, the position being file index × 2^32 + line.</summary>
    private static void WritePartitionLine(Stream to, int file, int line, byte kind, ReadOnlySpan<byte> text)
    {
        Span<byte> head = stackalloc byte[32];
        long position = ((long)file << 32) | (uint)line;
        position.TryFormat(head, out int n, default, CultureInfo.InvariantCulture);
        head[n++] = (byte)' ';
        head[n++] = kind;
        head[n++] = (byte)'\t';
        to.Write(head[..n]);
        to.Write(text);
        to.WriteByte((byte)'\n');
    }

    /// <summary>Reads one partition file (and, for partition 0, the practice-level lines in it) as one shard: every
    /// line is read as the one-pass read reads it, at the file and line it came from.</summary>
    internal (FhirReadResult Result, ImmutableArray<ResourceCollector.IssueOrder> Orders) ReadPartitionFile(string path, ImmutableArray<string> fileNames, bool tasksRead, CancellationToken ct)
    {
        using var observed = new FhirReadObservation(_telemetry, NdjsonFormat);
        var run = NewRun(fileNames.Length, null, ct, ExpectedResources([path]));
        run.TasksRead = tasksRead;
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan))
        using (var lines = new NdjsonLineReader(file, _options.MaxLineBytes + 64))
        {
            while (true)
            {
                var kind = lines.Read(out var text);
                if (kind == NdjsonLine.End) break;
                int tab = text.IndexOf((byte)'\t');
                if (kind != NdjsonLine.Line || tab < 3 || text[tab - 2] != (byte)' '
                    || !long.TryParse(text[..(tab - 2)], NumberStyles.None, CultureInfo.InvariantCulture, out long position)
                    || (position >> 32) >= fileNames.Length)
                    throw new InvalidDataException("A partition file is damaged: a line does not start with its place in the input.");
                var name = fileNames[(int)(position >> 32)];
                int line = (int)(uint)position;
                run.FixedPosition = position;
                switch (text[tab - 1])
                {
                    case FhirPartitions.Resource: ReadNdjsonLine(run, name, line, text[(tab + 1)..]); break;
                    case FhirPartitions.TooLong: ReadTooLongLine(run, name, line); break;
                    case FhirPartitions.Corrupt:
                        run.Collector.Position = position;
                        run.Collector.Issue(FhirIssueCode.Malformed, name, line, null);
                        break;
                    default: throw new InvalidDataException("A partition file is damaged: a line has an unknown kind.");
                }
            }
        }
        var result = run.Build();
        return (observed.Complete(result, fileNames.Length), run.Collector.IssueOrders);
    }
}

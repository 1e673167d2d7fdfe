using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hl7.Fhir.Serialization;

namespace PatientCentric.Fhir;

/// <summary>Reads FHIR R4 JSON (Bundles, single resources, Bulk Data NDJSON) into a <see cref="Records.PracticeDataSet"/>
/// (docs/fhir.md). Patients get keyed pseudonyms; problems are counted in <see cref="FhirDataQuality"/>. See docs/fhir.md.</summary>
/// <remarks>One reader may be used for many reads; with a random key (the default) pseudonyms match across reads of the
/// same reader only. Not thread-safe for concurrent reads.</remarks>
public sealed partial class FhirPracticeReader
{
    private readonly FhirReadOptions _options;
    private readonly TimeZoneInfo _timeZone;
    private readonly byte[] _key;
    private readonly List<(byte[] Utf8, string Name)> _typeNames = [];
    private FhirJsonDeserializer? _deserializer;

    /// <summary>Initializes a reader.</summary>
    /// <param name="options">The settings, or <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentException">The time zone is unknown or the pseudonym key is shorter than 16 bytes.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="FhirReadOptions.MaxLineBytes"/> is outside 1,024 to 1,073,741,824.</exception>
    public FhirPracticeReader(FhirReadOptions? options = null)
        : this(options, FhirTelemetry.Default)
    {
    }

    // Resolved from DI (AddPatientCentricFhir) with the host's logger and meter factories.
    internal FhirPracticeReader(FhirReadOptions? options, FhirTelemetry telemetry)
    {
        _telemetry = telemetry;
        var o = options ?? new FhirReadOptions();
        if (o.MaxLineBytes is < 1024 or > 1 << 30)
            throw new ArgumentOutOfRangeException(nameof(options), o.MaxLineBytes,
                $"MaxLineBytes must be 1,024 to 1,073,741,824 bytes but is {o.MaxLineBytes:N0}.");
        _options = new FhirReadOptions
        {
            PracticeName = o.PracticeName, TimeZone = o.TimeZone, Period = o.Period, PseudonymKey = o.PseudonymKey,
            IncludePatientReferences = o.IncludePatientReferences, MaxLineBytes = o.MaxLineBytes,
            Strict = o.Strict, Parser = o.Parser, DefaultServiceLine = o.DefaultServiceLine, SlotsObservedAt = o.SlotsObservedAt,
            SurveyItemsByLinkId = o.SurveyItemsByLinkId.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
            SurveyItems = o.SurveyItems.IsDefault ? [] : o.SurveyItems,
        };
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(_options.TimeZone, out var zone))
            throw new ArgumentException($"TimeZone '{_options.TimeZone}' is not a known IANA time zone.", nameof(options));
        _timeZone = zone;
        if (o.PseudonymKey is { } k)
        {
            if (k.Length < 16) throw new ArgumentException($"PseudonymKey must be at least 16 bytes but is {k.Length}.", nameof(options));
            _key = [.. k];
        }
        else _key = RandomNumberGenerator.GetBytes(32);
    }

    /// <summary>Reads one JSON file holding a Bundle (any type) or a single resource.</summary>
    /// <param name="path">The file's path.</param>
    /// <returns>The data set and its quality report.</returns>
    /// <param name="progress">Told after each file and every 10,000 resources; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Checked before each resource.</param>
    /// <exception cref="FhirInputException"><see cref="FhirReadOptions.Strict"/> is set and the input has a problem.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public FhirReadResult ReadJsonFile(string path, IProgress<FhirReadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var observed = new FhirReadObservation(_telemetry, JsonFormat);
        var run = NewRun(1, progress, cancellationToken);
        ReadJson(run, path);
        return observed.Complete(run.Build(), 1);
    }

    /// <summary>Reads every <c>*.json</c> file (Bundles or single resources; the extension in any case) in a folder, in
    /// ordinal name order.</summary>
    /// <param name="folder">The folder's path (not searched recursively).</param>
    /// <returns>The data set and its quality report.</returns>
    /// <param name="progress">Told after each file and every 10,000 resources; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Checked before each resource.</param>
    /// <exception cref="FhirInputException"><see cref="FhirReadOptions.Strict"/> is set and the input has a problem.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public FhirReadResult ReadJsonFolder(string folder, IProgress<FhirReadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        var files = Directory.EnumerateFiles(folder).Where(f => f.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal).ToList();
        using var observed = new FhirReadObservation(_telemetry, JsonFormat);
        var run = NewRun(files.Count, progress, cancellationToken);
        foreach (var f in files) ReadJson(run, f);
        return observed.Complete(run.Build(), files.Count);
    }

    /// <summary>Reads Bulk Data NDJSON files (<c>.ndjson</c> or gzip <c>.ndjson.gz</c>): one resource per line, any order,
    /// a type may span files. Streams line by line.</summary>
    /// <param name="paths">The files' paths.</param>
    /// <returns>The data set and its quality report.</returns>
    /// <param name="progress">Told after each file and every 10,000 resources; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Checked before each line.</param>
    /// <exception cref="FhirInputException"><see cref="FhirReadOptions.Strict"/> is set and the input has a problem.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public FhirReadResult ReadNdjson(IEnumerable<string> paths, IProgress<FhirReadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = paths.ToList();
        using var observed = new FhirReadObservation(_telemetry, NdjsonFormat);
        var run = NewRun(files.Count, progress, cancellationToken, ExpectedResources(files));
        foreach (var p in files) ReadNdjsonFile(run, p);
        return observed.Complete(run.Build(), files.Count);
    }

    /// <summary>Reads Bulk Data NDJSON from streams, such as the output files of a <c>$export</c> as they are downloaded:
    /// one resource per line, any order, a type may span streams. Each stream is read to its end and not disposed.</summary>
    /// <param name="files">Each file's name (used in progress and data-quality reports only; never put an identifier in
    /// it) and its content: UTF-8 NDJSON, already decompressed.</param>
    /// <returns>The data set and its quality report.</returns>
    /// <param name="progress">Told after each stream and every 10,000 resources; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Checked before each line.</param>
    /// <exception cref="FhirInputException"><see cref="FhirReadOptions.Strict"/> is set and the input has a problem.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public FhirReadResult ReadNdjson(IEnumerable<(string Name, Stream Content)> files, IProgress<FhirReadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        var list = files.ToList();
        foreach (var (name, content) in list)
        {
            ArgumentException.ThrowIfNullOrEmpty(name, nameof(files));
            ArgumentNullException.ThrowIfNull(content, nameof(files));
        }
        using var observed = new FhirReadObservation(_telemetry, NdjsonFormat);
        var run = NewRun(list.Count, progress, cancellationToken);
        foreach (var (name, content) in list) ReadNdjsonStream(run, name, content);
        return observed.Complete(run.Build(), list.Count);
    }

    /// <summary>Reads every <c>*.ndjson</c> and <c>*.ndjson.gz</c> file in a Bulk Data export folder, in ordinal name
    /// order, except the export log <c>log.ndjson</c> (not FHIR).</summary>
    /// <param name="folder">The folder's path (not searched recursively).</param>
    /// <returns>The data set and its quality report.</returns>
    /// <param name="progress">Told after each file and every 10,000 resources; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Checked before each line.</param>
    /// <exception cref="FhirInputException"><see cref="FhirReadOptions.Strict"/> is set and the input has a problem.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public FhirReadResult ReadNdjsonFolder(string folder, IProgress<FhirReadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        return ReadNdjson(Directory.EnumerateFiles(folder)
            .Where(f => f.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".ndjson.gz", StringComparison.OrdinalIgnoreCase))
            .Where(f => !Path.GetFileName(f).Equals("log.ndjson", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal), progress, cancellationToken);
    }

    /// <summary>A new read. <paramref name="expectedResources"/>: how many resources it may hold
    /// (<see cref="ResourceCollector.ExpectedResources"/>), 0 when unknown.</summary>
    private Run NewRun(int files, IProgress<FhirReadProgress>? progress, CancellationToken ct, int expectedResources = 0) =>
        new(new ResourceCollector(_options, _timeZone, () => new Pseudonyms(_key), expectedResources), files, progress, ct);

    /// <summary>The capacity hint of a read of NDJSON <paramref name="files"/>: from the sizes of those not compressed
    /// (a <c>.gz</c> file's size says little about its resources); 0 when no size can be read.</summary>
    private static int ExpectedResources(IEnumerable<string> files)
    {
        long bytes = 0;
        foreach (var f in files)
        {
            if (f.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)) continue;
            try { bytes += new FileInfo(f).Length; }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return ResourceCollector.ExpectedResources(bytes);
    }

    /// <summary>One read: the collector, and what progress reporting and cancellation need.</summary>
    private sealed class Run(ResourceCollector collector, int filesTotal, IProgress<FhirReadProgress>? progress, CancellationToken ct)
    {
        private const int ReportEvery = 10_000;
        private int _files, _resources;

        public ResourceCollector Collector { get; } = collector;

        /// <summary>Gets or sets whether any <c>Task</c> resource was read: without one, referral closure cannot be seen.</summary>
        public bool TasksRead { get; set; }

        public FhirReadResult Build() => Collector.Build(TasksRead);

        /// <summary>Gets or sets the place of the line being read when it is not this read's own (a partition's line
        /// carries its place in the whole input); <see langword="null"/>: the current file and <c>line</c>.</summary>
        public long? FixedPosition { get; set; }

        /// <summary>The place of line (or entry) <paramref name="line"/> of the current file in the read.</summary>
        public long PositionOf(int line) => FixedPosition ?? (((long)_files << 32) | (uint)line);

        public void Resource(string file)
        {
            ct.ThrowIfCancellationRequested();
            if (++_resources % ReportEvery == 0) progress?.Report(new FhirReadProgress(file, _files, filesTotal, _resources));
        }

        public void FileDone(string file)
        {
            _files++;   // counted with or without a progress listener: positions (PositionOf) depend on it
            progress?.Report(new FhirReadProgress(file, _files, filesTotal, _resources));
        }
    }

    /// <summary>A read's pseudonyms: a patient's is <c>P-</c> and the first 8 bytes of HMAC-SHA256(key, UTF-8 of the id)
    /// in upper-case hex. One reusable HMAC per read's join (<see cref="ResourceCollector.Build"/>), so used by one thread
    /// only; the collector keeps each distinct patient's, so each is computed once per read.</summary>
    internal sealed class Pseudonyms(byte[] key) : IDisposable
    {
        private readonly IncrementalHash _hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);

        /// <summary>The pseudonym of <paramref name="id"/>, on the stack but for the result.</summary>
        public string Of(string id)
        {
            const int StackBytes = 256;
            int max = Encoding.UTF8.GetMaxByteCount(id.Length);
            byte[]? rented = max > StackBytes ? ArrayPool<byte>.Shared.Rent(max) : null;
            Span<byte> utf8 = rented ?? stackalloc byte[StackBytes];
            Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
            try
            {
                int n = Encoding.UTF8.GetBytes(id, utf8);
                _hmac.AppendData(utf8[..n]);
                _hmac.GetHashAndReset(hash);
            }
            finally
            {
                if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
            }
            Span<char> text = stackalloc char[18];
            text[0] = 'P';
            text[1] = '-';
            for (int i = 0; i < 8; i++)
            {
                text[2 + 2 * i] = UpperHex[hash[i] >> 4];
                text[3 + 2 * i] = UpperHex[hash[i] & 0xF];
            }
            return new string(text);
        }

        public void Dispose() => _hmac.Dispose();

        private static ReadOnlySpan<char> UpperHex => "0123456789ABCDEF";
    }

    private void ReadNdjsonFile(Run run, string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        // CheckedGzipStream, not GZipStream alone: a .gz cut short must be Malformed, not a silently shorter file.
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new CheckedGzipStream(file) : file;
        ReadNdjsonStream(run, Path.GetFileName(path), stream);
    }

    private void ReadNdjsonStream(Run run, string name, Stream stream)
    {
        if (ParsesInParallel)
        {
            ReadNdjsonStreamInParallel(run, name, stream);
            return;
        }
        using var lines = new NdjsonLineReader(stream, _options.MaxLineBytes);
        int line = 0;
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
                // A corrupt or truncated .ndjson.gz: nothing after this point of the file can be read. Count it and go on
                // with the next file.
                run.Collector.Position = run.PositionOf(line + 1);
                run.Collector.Issue(FhirIssueCode.Malformed, name, line + 1, null);
                break;
            }
            if (kind == NdjsonLine.End) break;
            line++;
            if (kind == NdjsonLine.TooLong)
                ReadTooLongLine(run, name, line);
            else
                ReadNdjsonLine(run, name, line, text);
        }
        run.FileDone(name);
    }

    /// <summary>One NDJSON line (1-based <paramref name="line"/>): blank lines are skipped; the sync and async reads share it.</summary>
    private void ReadNdjsonLine(Run run, string name, int line, ReadOnlySpan<byte> text)
    {
        if (IsBlank(text)) return;
        run.Resource(name);
        Apply(run, ParseNdjsonLine(text), name, line, urls: null);
    }

    /// <summary>One non-blank NDJSON line's resource; the read and the partition step share it.</summary>
    private Parsed ParseNdjsonLine(ReadOnlySpan<byte> text)
    {
        Parsed parsed;
        try
        {
            var reader = new Utf8JsonReader(text);
            parsed = reader.Read() && reader.TokenType == JsonTokenType.StartObject ? ParseResource(ref reader, text, needId: false) : Parsed.Malformed(null);
            // One resource per line: a second value or any other text after the object spoils the line, even when
            // the first object alone would read (the reader throws on anything but whitespace after it).
            if (reader.Read()) parsed = Parsed.Malformed(parsed.Type);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException) { parsed = Parsed.Malformed(null); }
        return parsed;
    }

    /// <summary>A line over <see cref="FhirReadOptions.MaxLineBytes"/>: skipped unread, one Malformed problem; the read goes
    /// on with the next line. The sync and async reads share it.</summary>
    private static void ReadTooLongLine(Run run, string name, int line)
    {
        run.Resource(name);
        Apply(run, Parsed.Malformed(null), name, line, urls: null);
    }

    private static readonly SearchValues<byte> Whitespace = SearchValues.Create(" \t\r\n\f\v"u8);

    private static bool IsBlank(ReadOnlySpan<byte> line) => line.IndexOfAnyExcept(Whitespace) < 0;

    /// <summary>One JSON file: a Bundle (its entries, with <c>fullUrl</c>s resolved once the whole Bundle is read) or a
    /// single resource. A file that is not well-formed JSON counts as one Malformed problem and gives nothing.</summary>
    private void ReadJson(Run run, string path)
    {
        var name = Path.GetFileName(path);
        using var file = File.OpenHandle(path);
        long length = RandomAccess.GetLength(file);
        if (length > Array.MaxLength) throw new IOException($"A JSON file is larger than {Array.MaxLength:N0} bytes, the most one Bundle can be read as; use NDJSON for exports this large.");
        var bytes = ArrayPool<byte>.Shared.Rent((int)length);
        try
        {
            int read = 0;
            while (read < length && RandomAccess.Read(file, bytes.AsSpan(read, (int)length - read), read) is var n and > 0) read += n;
            ReadJsonBytes(run, name, bytes.AsSpan(0, read));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private void ReadJsonBytes(Run run, string name, ReadOnlySpan<byte> json)
    {
        if (json.StartsWith(Utf8Bom)) json = json[Utf8Bom.Length..];
        var pending = new List<(int Line, Parsed Parsed)>();
        Dictionary<string, string>? urls = null;
        try
        {
            var r = new Utf8JsonReader(json);
            if (!r.Read()) throw new JsonException("empty");
            if (r.TokenType != JsonTokenType.StartObject) { r.Skip(); pending.Add((0, Parsed.Malformed(null))); }
            else if (!IsBundle(r)) pending.Add((0, ParseResource(ref r, json, needId: true)));
            else
            {
                var root = r;   // to read the Bundle as a single resource if it has no entry array
                bool entries = false;
                while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
                {
                    if (!r.ValueTextEquals("entry"u8)) { r.Skip(); continue; }
                    r.Read();
                    entries = true;
                    pending.Clear();
                    urls = new Dictionary<string, string>(StringComparer.Ordinal);
                    if (r.TokenType == JsonTokenType.StartArray) ReadEntries(ref r, json, pending, urls);
                    else
                    {
                        // Bundle.entry is an array (0..*): anything else is an unreadable Bundle, never a Bundle of nothing.
                        r.Skip();
                        pending.Add((0, new Parsed(ParsedKind.Malformed, "Bundle", null, null) { Field = "Bundle.entry" }));
                    }
                }
                if (!entries) pending.Add((0, ParseResource(ref root, json, needId: true)));
            }
            if (r.Read()) throw new JsonException("trailing content");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            run.Collector.Issue(FhirIssueCode.Malformed, name, 0, null);
            run.FileDone(name);
            return;
        }
        foreach (var (line, parsed) in pending)
        {
            run.Resource(name);
            Apply(run, parsed, name, line, urls);
        }
        run.FileDone(name);
    }

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>Whether the object the reader (a copy) is on has <c>resourceType</c> "Bundle": read from the first
    /// property when it is there (as FHIR JSON writes it), else by scanning the whole object.</summary>
    private static bool IsBundle(Utf8JsonReader probe)
    {
        var first = probe;
        if (first.Read() && first.TokenType == JsonTokenType.PropertyName && first.ValueTextEquals("resourceType"u8)
            && first.Read() && first.TokenType == JsonTokenType.String)
            return first.ValueTextEquals("Bundle"u8);
        return ScanTypeAndId(ref probe).Type == "Bundle";
    }

    /// <summary>Reader on the entry array's start; reads each entry (1-based positions), ends on the array's end.</summary>
    private void ReadEntries(ref Utf8JsonReader r, ReadOnlySpan<byte> json, List<(int, Parsed)> pending, Dictionary<string, string> urls)
    {
        int i = 0;
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            i++;
            if (r.TokenType != JsonTokenType.StartObject)
            {
                r.Skip();
                pending.Add((i, new Parsed(ParsedKind.Malformed, null, null, null) { Field = "Bundle.entry" }));
                continue;
            }
            string? fullUrl = null;
            Parsed? parsed = null;
            while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
            {
                if (r.ValueTextEquals("fullUrl"u8))
                {
                    r.Read();
                    if (r.TokenType == JsonTokenType.String) fullUrl = r.GetString();
                    else r.Skip();
                }
                else if (r.ValueTextEquals("resource"u8))
                {
                    r.Read();
                    if (r.TokenType == JsonTokenType.StartObject) parsed = ParseResource(ref r, json, needId: true);
                    else { r.Skip(); parsed = new Parsed(ParsedKind.Malformed, null, null, null) { Field = "Bundle.entry.resource" }; }
                }
                else r.Skip();
            }
            // An entry without a resource (a deletion in a history Bundle, a bare request) gives nothing to read: say so.
            var p = parsed ?? new Parsed(ParsedKind.MissingResource, null, null, null);
            pending.Add((i, p));
            if (fullUrl is not null && p.Type is not null && p.Id is not null) urls[fullUrl] = p.Type + "/" + p.Id;
        }
    }

    private static void Apply(Run run, Parsed parsed, string file, int line, Dictionary<string, string>? urls)
    {
        var c = run.Collector;
        c.Position = run.PositionOf(line);
        c.CountRead();
        if (parsed.Facts is TaskFacts) run.TasksRead = true;
        switch (parsed.Kind)
        {
            case ParsedKind.Malformed: c.Issue(FhirIssueCode.Malformed, file, line, parsed.Type, parsed.Field); break;
            case ParsedKind.MissingResource: c.Issue(FhirIssueCode.MissingField, file, line, null, "Bundle.entry.resource"); break;
            case ParsedKind.UnknownType: c.Issue(FhirIssueCode.UnknownResourceType, file, line, null); break;
            case ParsedKind.Ignored: c.Ignore(parsed.Type!); break;
            default: c.Add(parsed.Facts!, file, line, urls); break;
        }
    }

    /// <summary>Reads one resource: the reader is on its StartObject and ends on its EndObject; <paramref name="json"/>
    /// is the buffer the reader reads. <paramref name="needId"/>: whether the id of an unmapped resource is wanted (for a
    /// Bundle's fullUrl map).</summary>
    /// <exception cref="JsonException">Not well-formed JSON.</exception>
    private Parsed ParseResource(ref Utf8JsonReader r, ReadOnlySpan<byte> json, bool needId)
    {
        if (_options.Parser == FhirParser.Firely) return ParseWithFirely(ref r, json);

        // Fast path: resourceType is almost always the first property; otherwise look ahead with a copy of the reader.
        var probe = r;
        MappedType mapped;
        string? type;
        if (probe.Read() && probe.TokenType == JsonTokenType.PropertyName && probe.ValueTextEquals("resourceType"u8)
            && probe.Read() && probe.TokenType == JsonTokenType.String)
        {
            mapped = Utf8FactsParser.Identify(ref probe);
            type = mapped == MappedType.None ? TypeName(ref probe) : null;
        }
        else
        {
            probe = r;
            type = ScanTypeAndId(ref probe).Type;
            mapped = Utf8FactsParser.Identify(type);
        }
        if (mapped != MappedType.None && !Reads(mapped))
        {
            type = mapped.ToString();
            mapped = MappedType.None;
        }
        if (mapped != MappedType.None)
        {
            int depth = r.CurrentDepth;
            try
            {
                var facts = Utf8FactsParser.Parse(ref r, mapped);
                return new Parsed(ParsedKind.Mapped, facts.Type, facts.Id, facts);
            }
            catch (InvalidOperationException)
            {
                // A string the mapping reads is not valid UTF-8: this resource only. The reader stopped somewhere inside
                // it; read on to the resource's own end so a Bundle's next entry is read from the right place.
                while (!(r.TokenType == JsonTokenType.EndObject && r.CurrentDepth == depth) && r.Read()) { }
                return Parsed.Malformed(mapped.ToString());
            }
        }
        string? id = null;
        if (needId) id = ScanTypeAndId(ref r).Id;
        else r.Skip();   // still tokenized to the end, so a broken line is caught
        return type is not null && R4ResourceTypes.IsKnown(type) ? new Parsed(ParsedKind.Ignored, type, id, null) : new Parsed(ParsedKind.UnknownType, type, id, null);
    }

    /// <summary>Whether this read maps resources of a mapped type: <c>Slot</c> and <c>Schedule</c> only with
    /// <see cref="FhirReadOptions.SlotsObservedAt"/> (without it they are ignored, as unmapped types are).</summary>
    private bool Reads(MappedType type) =>
        type != MappedType.None && (_options.SlotsObservedAt is not null || type is not (MappedType.Slot or MappedType.Schedule));

    /// <summary>The reference path: Firely's deserializer (recoverable mode) into a POCO, then <see cref="FirelyFacts"/>.</summary>
    private Parsed ParseWithFirely(ref Utf8JsonReader r, ReadOnlySpan<byte> json)
    {
        int start = (int)r.TokenStartIndex;
        var (type, id) = ScanTypeAndId(ref r);
        if (type is null || !R4ResourceTypes.IsKnown(type)) return new Parsed(ParsedKind.UnknownType, type, id, null);
        if (!Reads(Utf8FactsParser.Identify(type))) return new Parsed(ParsedKind.Ignored, type, id, null);
        Hl7.Fhir.Model.Resource? resource;
        try
        {
            var slice = new Utf8JsonReader(json[start..(int)r.BytesConsumed]);
            // Recoverable mode: data errors Firely can step over (wrong code, bad cardinality) keep the partial resource.
            (_deserializer ??= new FhirJsonDeserializer(new DeserializerSettings().UsingMode(DeserializationMode.Recoverable)))
                .TryDeserializeResource(ref slice, out resource, out _);
        }
        catch (Exception ex) when (ex is DeserializationFailedException or JsonException or FormatException)
        {
            resource = null;
        }
        if (resource is null || resource.TypeName != type) return Parsed.Malformed(type);
        ResourceFacts? facts;
        try
        {
            facts = FirelyFacts.From(resource);
        }
        catch (Hl7.Fhir.Validation.CodedValidationException)
        {
            // A part of the POCO that recoverable mode left in a state its getters refuse (FirelyFacts reads primitives
            // through JsonValue, so this is a last resort): the resource cannot be read.
            return Parsed.Malformed(type);
        }
        return new Parsed(ParsedKind.Mapped, type, id, facts);
    }

    /// <summary>Reader on an object's StartObject: reads to its EndObject and returns its (last) string
    /// <c>resourceType</c> and <c>id</c>.</summary>
    private static (string? Type, string? Id) ScanTypeAndId(ref Utf8JsonReader r)
    {
        string? type = null, id = null;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            bool isType = r.ValueTextEquals("resourceType"u8), isId = !isType && r.ValueTextEquals("id"u8);
            r.Read();
            if (isType && r.TokenType == JsonTokenType.String) type = r.GetString();
            else if (isId && r.TokenType == JsonTokenType.String) id = r.GetString();
            else r.Skip();
        }
        return (type, id);
    }

    /// <summary>The name of an unmapped type from its string token, without allocating for names seen before.
    /// Thread-safe: lines are parsed on several threads (see <see cref="ParallelParse"/>).</summary>
    private string TypeName(ref Utf8JsonReader r)
    {
        lock (_typeNames)
        {
            if (!r.ValueIsEscaped)
                foreach (var (utf8, name) in _typeNames)
                    if (r.ValueSpan.SequenceEqual(utf8)) return name;
            var s = r.GetString()!;
            if (!r.ValueIsEscaped && _typeNames.Count < 256) _typeNames.Add((Encoding.UTF8.GetBytes(s), s));
            return s;
        }
    }

    private enum ParsedKind { Malformed, UnknownType, Ignored, Mapped, MissingResource }

    /// <summary>What one resource gave: its kind, type and id (when readable), and its facts when mapped; for a Malformed
    /// Bundle part, the element concerned.</summary>
    private readonly record struct Parsed(ParsedKind Kind, string? Type, string? Id, ResourceFacts? Facts)
    {
        public string? Field { get; init; }

        public static Parsed Malformed(string? type) => new(ParsedKind.Malformed, type, null, null);
    }
}

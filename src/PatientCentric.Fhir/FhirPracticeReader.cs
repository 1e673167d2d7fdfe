using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hl7.Fhir.Serialization;

namespace PatientCentric.Fhir;

/// <summary>Reads FHIR R4 JSON (Bundles, single resources, Bulk Data NDJSON) into a <see cref="Records.PracticeDataSet"/>
/// (DOMAIN.md §10). Patients get keyed pseudonyms; problems are counted in <see cref="FhirDataQuality"/>. See docs/fhir.md.</summary>
/// <remarks>One reader may be used for many reads; with a random key (the default) pseudonyms match across reads of the
/// same reader only. Not thread-safe for concurrent reads.</remarks>
public sealed class FhirPracticeReader
{
    private readonly FhirReadOptions _options;
    private readonly TimeZoneInfo _timeZone;
    private readonly byte[] _key;
    private readonly FhirJsonDeserializer _deserializer =
        new(new DeserializerSettings().UsingMode(DeserializationMode.Recoverable));

    /// <summary>Initializes a reader.</summary>
    /// <param name="options">The settings, or <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentException">The time zone is unknown or the pseudonym key is shorter than 16 bytes.</exception>
    public FhirPracticeReader(FhirReadOptions? options = null)
    {
        var o = options ?? new FhirReadOptions();
        _options = new FhirReadOptions
        {
            PracticeName = o.PracticeName, TimeZone = o.TimeZone, Period = o.Period, PseudonymKey = o.PseudonymKey,
            IncludePatientReferences = o.IncludePatientReferences,
            Strict = o.Strict, DefaultServiceLine = o.DefaultServiceLine,
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
        var run = NewRun(1, progress, cancellationToken);
        ReadJson(run, path);
        return run.Collector.Build();
    }

    /// <summary>Reads every <c>*.json</c> file (Bundles or single resources) in a folder, in ordinal name order.</summary>
    /// <param name="folder">The folder's path (not searched recursively).</param>
    /// <returns>The data set and its quality report.</returns>
    /// <param name="progress">Told after each file and every 10,000 resources; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Checked before each resource.</param>
    /// <exception cref="FhirInputException"><see cref="FhirReadOptions.Strict"/> is set and the input has a problem.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public FhirReadResult ReadJsonFolder(string folder, IProgress<FhirReadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        var files = Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal).ToList();
        var run = NewRun(files.Count, progress, cancellationToken);
        foreach (var f in files) ReadJson(run, f);
        return run.Collector.Build();
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
        var run = NewRun(files.Count, progress, cancellationToken);
        foreach (var p in files) ReadNdjsonFile(run, p);
        return run.Collector.Build();
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

    private Run NewRun(int files, IProgress<FhirReadProgress>? progress, CancellationToken ct) =>
        new(new ResourceCollector(_options, _timeZone, Pseudonym), files, progress, ct);

    /// <summary>One read: the collector, and what progress reporting and cancellation need.</summary>
    private sealed class Run(ResourceCollector collector, int filesTotal, IProgress<FhirReadProgress>? progress, CancellationToken ct)
    {
        private const int ReportEvery = 10_000;
        private int _files, _resources;

        public ResourceCollector Collector { get; } = collector;

        public void Resource(string file)
        {
            ct.ThrowIfCancellationRequested();
            if (++_resources % ReportEvery == 0) progress?.Report(new FhirReadProgress(file, _files, filesTotal, _resources));
        }

        public void FileDone(string file) => progress?.Report(new FhirReadProgress(file, ++_files, filesTotal, _resources));
    }

    private string Pseudonym(string patientId)
    {
        var hash = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(patientId));
        return "P-" + Convert.ToHexString(hash, 0, 8);
    }

    private void ReadNdjsonFile(Run run, string path)
    {
        var name = Path.GetFileName(path);
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        int line = 0;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text)) continue;
            run.Resource(name);
            Read(run.Collector, text, name, line, urls: null);
        }
        run.FileDone(name);
    }

    private void ReadJson(Run run, string path)
    {
        ReadJsonDocument(run, path);
        run.FileDone(Path.GetFileName(path));
    }

    private void ReadJsonDocument(Run run, string path)
    {
        var c = run.Collector;
        var name = Path.GetFileName(path);
        JsonDocument doc;
        try { doc = JsonDocument.Parse(File.ReadAllBytes(path)); }
        catch (JsonException) { c.Issue(FhirIssueCode.Malformed, name, 0, null); return; }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("resourceType", out var rt) && rt.ValueKind == JsonValueKind.String
                && rt.ValueEquals("Bundle") && root.TryGetProperty("entry", out var entries) && entries.ValueKind == JsonValueKind.Array)
            {
                // fullUrl (urn:uuid:…) → Type/id, so references inside the Bundle resolve.
                var urls = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var e in entries.EnumerateArray())
                {
                    if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty("fullUrl", out var fu) && fu.ValueKind == JsonValueKind.String
                        && e.TryGetProperty("resource", out var r) && r.ValueKind == JsonValueKind.Object
                        && r.TryGetProperty("resourceType", out var t) && r.TryGetProperty("id", out var id)
                        && t.ValueKind == JsonValueKind.String && id.ValueKind == JsonValueKind.String)
                        urls[fu.GetString()!] = t.GetString() + "/" + id.GetString();
                }
                int i = 0;
                foreach (var e in entries.EnumerateArray())
                {
                    i++;
                    if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty("resource", out var r)) continue;
                    run.Resource(name);
                    Read(c, r.GetRawText(), name, i, urls);
                }
            }
            else
            {
                run.Resource(name);
                Read(c, root.GetRawText(), name, 0, urls: null);
            }
        }
    }

    private void Read(ResourceCollector c, string json, string file, int line, Dictionary<string, string>? urls)
    {
        c.CountRead();
        string? type;
        try { type = PeekResourceType(json); }
        catch (JsonException) { c.Issue(FhirIssueCode.Malformed, file, line, null); return; }
        if (type is null || !Hl7.Fhir.Model.ModelInfo.IsKnownResource(type))
        {
            c.Issue(FhirIssueCode.UnknownResourceType, file, line, null);
            return;
        }
        if (!ResourceCollector.IsMapped(type)) { c.Ignore(type); return; }
        Hl7.Fhir.Model.Resource? resource;
        try
        {
            // Recoverable mode: data errors Firely can step over (wrong code, bad cardinality) keep the partial resource.
            _deserializer.TryDeserializeResource(json, out resource, out _);
        }
        catch (Exception ex) when (ex is DeserializationFailedException or JsonException or FormatException)
        {
            resource = null;
        }
        if (resource is null || resource.TypeName != type) { c.Issue(FhirIssueCode.Malformed, file, line, type); return; }
        c.Add(resource, file, line, urls);
    }

    private static string? PeekResourceType(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) throw new JsonException("not an object");
        string? type = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            if (reader.TokenType != JsonTokenType.PropertyName) continue;
            bool isType = reader.ValueTextEquals("resourceType");
            reader.Read();
            if (isType && reader.TokenType == JsonTokenType.String) type = reader.GetString();
            else reader.Skip();
        }
        if (reader.TokenType != JsonTokenType.EndObject) throw new JsonException("truncated");
        return type;
    }
}

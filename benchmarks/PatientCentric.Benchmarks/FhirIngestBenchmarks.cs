using System.Collections.Immutable;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using PatientCentric.Fhir;

namespace PatientCentric.Benchmarks;

/// <summary>FHIR R4 ingestion throughput on real data in ../shared/data/fhir (from the repository root): Bulk Data NDJSON (the <c>bulk</c>
/// folder, every <c>*.ndjson</c> except <c>log.ndjson</c>) and Synthea transaction Bundles (the <c>synthea</c> folder); and
/// a fully-read export (<c>sample</c>): the CLI's <c>sample --fhir-out</c> of 10,000 patients, generated into a temporary
/// folder in <see cref="Setup"/> (or taken from <c>PATIENTCENTRIC_FHIR_SAMPLE</c>), where the library maps every resource
/// type but the 13 <c>Practitioner</c>s (Slots and Schedules too: <see cref="FhirReadOptions.SlotsObservedAt"/> is set, and
/// QuestionnaireResponses with the sample's linkId map). The shared Bulk Data export is half unmapped types, which the
/// fast path skips, so its MiB/s overstate what a fully-read export gets.
/// Baseline: a <see cref="Utf8JsonReader"/> pass that only finds and counts each resource's <c>resourceType</c>. Also
/// Firely's <see cref="FhirJsonDeserializer"/> with default settings and in Ostrich mode, and the library's
/// <see cref="FhirPracticeReader"/> (which reads from paths, so it reads the page-cached files).</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 8)]
public class FhirIngestBenchmarks
{
    // The shared data sits beside the repository (../shared/data/fhir from the root); PATIENTCENTRIC_FHIR_DATA points elsewhere.
    private static readonly string DataRoot = Environment.GetEnvironmentVariable("PATIENTCENTRIC_FHIR_DATA") is { Length: > 0 } configured
        ? configured
        : Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "data", "fhir"));
    private byte[][] _files = [];
    private string _folder = "";
    private FhirJsonDeserializer _default = null!;
    private FhirJsonDeserializer _ostrich = null!;
    private FhirPracticeReader _library = null!;
    private FhirPracticeReader _libraryFirely = null!;
    private FhirPracticeReader _libraryParallel = null!;

    /// <summary>The input: <c>ndjson</c> (Bulk Data folder), <c>bundles</c> (Synthea folder) or <c>sample</c> (the fully-read
    /// sample export); <c>PATIENTCENTRIC_FHIR_INPUTS</c> (comma-separated) runs only those named.</summary>
    [ParamsSource(nameof(Inputs))]
    public string Input { get; set; } = "ndjson";

    /// <summary>The inputs run: all three, or those named in <c>PATIENTCENTRIC_FHIR_INPUTS</c>.</summary>
    public static IEnumerable<string> Inputs() =>
        Environment.GetEnvironmentVariable("PATIENTCENTRIC_FHIR_INPUTS") is { Length: > 0 } only
            ? only.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : ["ndjson", "bundles", "sample"];

    /// <summary>Total input size in MiB (printed in <see cref="Setup"/>).</summary>
    public double InputMiB { get; private set; }

    // BenchmarkDotNet runs a generated project under this one's bin folder, so the root is found upwards from there.
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PatientCentric.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("The repository root (PatientCentric.sln) was not found above the benchmark binaries.");
    }

    [GlobalSetup]
    public void Setup()
    {
        if (Input == "sample")
        {
            SetupSample();
            return;
        }
        if (!Directory.Exists(DataRoot))
            throw new DirectoryNotFoundException($"The shared FHIR data is not at {DataRoot}: lay it at ../shared/data/fhir beside the repository or set PATIENTCENTRIC_FHIR_DATA.");
        _folder = Path.Combine(DataRoot, Input == "ndjson" ? "bulk" : "synthea");
        var paths = Input == "ndjson"
            ? Directory.EnumerateFiles(_folder, "*.ndjson").Where(f => !Path.GetFileName(f).Equals("log.ndjson", StringComparison.OrdinalIgnoreCase))
            : Directory.EnumerateFiles(_folder, "*.json");
        _files = [.. paths.Order(StringComparer.Ordinal).Select(File.ReadAllBytes)];
        long bytes = _files.Sum(f => (long)f.Length);
        InputMiB = bytes / (1024.0 * 1024.0);
        _default = new FhirJsonDeserializer();
        _ostrich = new FhirJsonDeserializer(new DeserializerSettings().UsingMode(DeserializationMode.Ostrich));
        byte[] key = new byte[32];
        for (int i = 0; i < key.Length; i++) key[i] = (byte)(i * 7 + 1);
        _library = new FhirPracticeReader(new FhirReadOptions { PseudonymKey = ImmutableArray.Create(key) });
        _libraryParallel = new FhirPracticeReader(new FhirReadOptions { PseudonymKey = ImmutableArray.Create(key) }) { ParallelParse = true };
        _libraryFirely = new FhirPracticeReader(new FhirReadOptions { PseudonymKey = ImmutableArray.Create(key), Parser = FhirParser.Firely });
        Console.WriteLine($"// FhirIngest input={Input}: {_files.Length} files, {bytes:N0} bytes = {InputMiB:F3} MiB, "
            + $"{Utf8ResourceTypes()} resources (Utf8JsonReader count)");
    }

    private string? _generated;

    /// <summary>The fully-read export: <c>PATIENTCENTRIC_FHIR_SAMPLE</c>, or <c>sample --patients 10000 --fhir-out</c> of the
    /// CLI (built in Release) into a temporary folder, deleted in <see cref="Cleanup"/>.</summary>
    private void SetupSample()
    {
        if (Environment.GetEnvironmentVariable("PATIENTCENTRIC_FHIR_SAMPLE") is { Length: > 0 } given) _folder = given;
        else
        {
            _folder = _generated = Path.Combine(Path.GetTempPath(), "patientcentric-fhir-sample-" + Environment.ProcessId);
            var start = new System.Diagnostics.ProcessStartInfo("dotnet")
            {
                ArgumentList = { "run", "-c", "Release", "--project", Path.Combine(RepositoryRoot(), "src", "PatientCentric.Cli"), "--",
                                 "sample", "--patients", "10000", "--fhir-out", _folder },
                RedirectStandardOutput = true,
            };
            using var process = System.Diagnostics.Process.Start(start)!;
            Console.WriteLine("// " + process.StandardOutput.ReadToEnd().Trim());
            process.WaitForExit();
            if (process.ExitCode != 0) throw new InvalidOperationException($"sample --fhir-out exited with {process.ExitCode}.");
        }
        var paths = Directory.EnumerateFiles(_folder, "*.ndjson").Order(StringComparer.Ordinal).ToList();
        _files = [.. paths.Select(File.ReadAllBytes)];
        long bytes = _files.Sum(f => (long)f.Length);
        InputMiB = bytes / (1024.0 * 1024.0);
        using var items = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_folder, "survey-items.json")));
        var linkIds = items.RootElement.GetProperty("linkIds").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
        byte[] key = new byte[32];
        for (int i = 0; i < key.Length; i++) key[i] = (byte)(i * 7 + 1);
        FhirReadOptions Options(FhirParser parser) => new()
        {
            PseudonymKey = ImmutableArray.Create(key), Parser = parser, SurveyItemsByLinkId = linkIds,
            SlotsObservedAt = new DateTimeOffset(2025, 12, 29, 8, 0, 0, TimeSpan.FromHours(-6)),
        };
        _default = new FhirJsonDeserializer();
        _ostrich = new FhirJsonDeserializer(new DeserializerSettings().UsingMode(DeserializationMode.Ostrich));
        _library = new FhirPracticeReader(Options(FhirParser.Utf8));
        _libraryParallel = new FhirPracticeReader(Options(FhirParser.Utf8)) { ParallelParse = true };
        _libraryFirely = new FhirPracticeReader(Options(FhirParser.Firely));
        var read = _library.ReadNdjsonFolder(_folder);
        Console.WriteLine($"// FhirIngest input=sample: {_files.Length} files, {bytes:N0} bytes = {InputMiB:F3} MiB, {Utf8ResourceTypes()} resources, "
            + $"{read.Quality.ResourcesIgnored.Values.Sum()} ignored (unmapped), {read.Data.Appointments.Length:N0} appointments");
    }

    /// <summary>Deletes the generated sample export.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        if (_generated is not null && Directory.Exists(_generated)) Directory.Delete(_generated, recursive: true);
    }

    [Benchmark(Baseline = true)]
    public int Utf8ResourceTypes()
    {
        int count = 0;
        if (Input != "bundles")
        {
            foreach (var file in _files)
                for (int pos = 0; NextLine(file, ref pos, out var line);)
                    if (ResourceTypeOf(line) is not null) count++;
        }
        else
        {
            foreach (var file in _files) count += CountBundleEntries(file);
        }
        return count;
    }

    [Benchmark]
    public int FirelyDefault() => Firely(_default);

    [Benchmark]
    public int FirelyOstrich() => Firely(_ostrich);

    /// <summary>The library's default fast path (<see cref="FhirParser.Utf8"/>), from the files to the data set.</summary>
    [Benchmark]
    public FhirReadResult Library() =>
        Input != "bundles" ? _library.ReadNdjsonFolder(_folder) : _library.ReadJsonFolder(_folder);

    /// <summary>The same fast path with NDJSON lines parsed on other cores (<c>ParallelParse</c>, off by default).
    /// Bundles are read on one thread either way.</summary>
    [Benchmark]
    public FhirReadResult LibraryParallel() =>
        Input != "bundles" ? _libraryParallel.ReadNdjsonFolder(_folder) : _libraryParallel.ReadJsonFolder(_folder);

    /// <summary>The library with <see cref="FhirParser.Firely"/>: Firely POCOs for the mapped types, then the same mapping.</summary>
    [Benchmark]
    public FhirReadResult LibraryFirely() =>
        Input != "bundles" ? _libraryFirely.ReadNdjsonFolder(_folder) : _libraryFirely.ReadJsonFolder(_folder);

    /// <summary>What the partition step asks of each NDJSON line (the hash of its patient id), with the light read
    /// (<c>PatientOfLine</c>): the full parse only for lines it leaves, no facts materialised, no id decoded.</summary>
    [Benchmark]
    public int PartitionKeys() => PartitionKeysWith(static (r, line) => r.PatientOfLine(line).PatientHash);

    /// <summary>The same from the full parse of every line and its facts (<c>PatientOfLineByFacts</c>: the id decoded,
    /// then hashed), as the partition step did.</summary>
    [Benchmark]
    public int PartitionKeysByFacts() => PartitionKeysWith(static (r, line) => r.PatientOfLineByFacts(line).PatientHash);

    private delegate ulong? LinePatient(FhirPracticeReader reader, ReadOnlySpan<byte> line);

    private int PartitionKeysWith(LinePatient patientOf)
    {
        int count = 0;
        if (Input == "bundles") return 0;
        foreach (var file in _files)
            for (int pos = 0; NextLine(file, ref pos, out var line);)
                if (patientOf(_library, line) is not null) count++;
        return count;
    }

    private int Firely(FhirJsonDeserializer deserializer)
    {
        int count = 0;
        if (Input != "bundles")
        {
            foreach (var file in _files)
                for (int pos = 0; NextLine(file, ref pos, out var line);)
                {
                    var reader = new Utf8JsonReader(line);
                    if (deserializer.TryDeserializeResource(ref reader, out var r, out _) && r is not null) count++;
                }
        }
        else
        {
            foreach (var file in _files)
            {
                var reader = new Utf8JsonReader(file);
                deserializer.TryDeserializeResource(ref reader, out var r, out _);
                if (r is Bundle b) count += b.Entry.Count;
            }
        }
        return count;
    }

    /// <summary>The next non-empty line at or after <paramref name="pos"/> (without its CR/LF), or false at the end.</summary>
    private static bool NextLine(byte[] file, ref int pos, out ReadOnlySpan<byte> line)
    {
        while (pos < file.Length)
        {
            int nl = file.AsSpan(pos).IndexOf((byte)'\n');
            int end = nl < 0 ? file.Length : pos + nl;
            int len = end - pos;
            if (len > 0 && file[end - 1] == (byte)'\r') len--;
            line = file.AsSpan(pos, len);
            pos = end + 1;
            if (len > 0) return true;
        }
        line = default;
        return false;
    }

    private static string? ResourceTypeOf(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
        return ResourceTypeOfObject(ref reader);
    }

    /// <summary>Reader on a StartObject; reads to its EndObject and returns its resourceType.</summary>
    private static string? ResourceTypeOfObject(ref Utf8JsonReader reader)
    {
        string? type = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            bool isType = reader.ValueTextEquals("resourceType"u8);
            reader.Read();
            if (isType && reader.TokenType == JsonTokenType.String) type = reader.GetString();
            else reader.Skip();
        }
        return type;
    }

    private static int CountBundleEntries(byte[] file)
    {
        int count = 0;
        var reader = new Utf8JsonReader(file);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            bool isEntry = reader.ValueTextEquals("entry"u8);
            reader.Read();
            if (!isEntry || reader.TokenType != JsonTokenType.StartArray) { reader.Skip(); continue; }
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.StartObject) { reader.Skip(); continue; }
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    bool isResource = reader.ValueTextEquals("resource"u8);
                    reader.Read();
                    if (isResource && reader.TokenType == JsonTokenType.StartObject)
                    {
                        if (ResourceTypeOfObject(ref reader) is not null) count++;
                    }
                    else reader.Skip();
                }
            }
        }
        return count;
    }
}

using System.Collections.Immutable;
using System.Text.Json;
using PatientCentric.Scoring;
using PatientCentric.Serialization;

namespace PatientCentric.Fhir.Tests;

public sealed class FhirPartitionsTests : IDisposable
{
    private readonly string _tempDir = Directory.CreateTempSubdirectory("pc-part-").FullName;

    public void Dispose() => Directory.Delete(_tempDir, recursive: true);

    private static readonly ImmutableArray<byte> Key = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    private static FhirPracticeReader Reader(DateTimeOffset? slotsObservedAt = null) =>
        new(new FhirReadOptions { PseudonymKey = Key, SlotsObservedAt = slotsObservedAt });

    private static string Encounter(string id, string patient, string start, string lastUpdated = "2025-03-01T00:00:00Z", string status = "finished") =>
        $$$"""{"resourceType":"Encounter","id":"{{{id}}}","meta":{"lastUpdated":"{{{lastUpdated}}}"},"status":"{{{status}}}","class":{"code":"AMB"},"subject":{"reference":"Patient/{{{patient}}}"},"period":{"start":"{{{start}}}","end":"{{{start}}}"}}""";

    // Patients, visits on the same day (ids decide ties), an older and a newer copy of one visit, a retraction, a visit of a
    // patient not in the export, unreadable lines and values, a practice-level Schedule and its Slots, a Slot without one.
    private string[] WriteExport()
    {
        var patients = Enumerable.Range(1, 40).Select(i => $$"""{"resourceType":"Patient","id":"p{{i}}"}""").ToList();
        var encounters = new List<string>();
        for (int i = 1; i <= 40; i++)
            encounters.Add(Encounter($"e{i}", $"p{i}", $"2025-02-{1 + i % 3:D2}T09:00:00Z"));
        encounters.Add(Encounter("e5", "p5", "2025-02-20T09:00:00Z", lastUpdated: "2025-04-01T00:00:00Z"));   // newer copy wins
        encounters.Add(Encounter("e6", "p6", "2025-02-21T09:00:00Z", lastUpdated: "2025-01-01T00:00:00Z"));   // older copy loses
        encounters.Add(Encounter("e7", "p7", "2025-02-22T09:00:00Z", lastUpdated: "2025-04-01T00:00:00Z", status: "entered-in-error"));
        encounters.Add(Encounter("e99", "nobody", "2025-02-02T09:00:00Z"));
        encounters.Add("{not json");
        encounters.Add(Encounter("e100", "p3", "2025-02-30T09:00:00Z"));   // no such day
        encounters.Add("""{"resourceType":"Observation","id":"o1","subject":{"reference":"Patient/p1"}}""");
        var slots = new List<string>
        {
            """{"resourceType":"Schedule","id":"s1"}""",
            """{"resourceType":"Slot","id":"sl1","schedule":{"reference":"Schedule/s1"},"status":"free","start":"2025-03-03T09:00:00Z"}""",
            """{"resourceType":"Slot","id":"sl2","schedule":{"reference":"Schedule/none"},"status":"busy","start":"2025-03-03T10:00:00Z"}""",
        };
        string[] paths = [Path.Combine(_tempDir, "Encounter.ndjson"), Path.Combine(_tempDir, "Patient.ndjson"), Path.Combine(_tempDir, "Slot.ndjson")];
        File.WriteAllLines(paths[0], encounters);
        File.WriteAllLines(paths[1], patients);
        File.WriteAllLines(paths[2], slots);
        return paths;
    }

    private static string Json<T>(IEnumerable<T> records) =>
        JsonSerializer.Serialize(records.ToImmutableArray(), PatientCentricJsonContext.Default.Options.GetTypeInfo(typeof(ImmutableArray<T>)));

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(16)]
    public void Partitions_ReadTogether_GiveExactlyTheOnePassRecordsAndQuality(int count)
    {
        var paths = WriteExport();
        var observedAt = new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var whole = Reader(observedAt).ReadNdjson(paths);
        var folder = Path.Combine(_tempDir, "parts");
        using var partitions = Reader(observedAt).PartitionNdjson(paths, folder, count);
        var parts = Enumerable.Range(0, partitions.Count).Select(k => partitions.Read(k)).ToList();

        var quality = FhirDataQuality.Combine(parts.Select(p => p.Quality));
        Assert.Equal(whole.Quality.Issues, quality.Issues);   // the same problems, in the same order
        Assert.Equal(whole.Quality with { Issues = quality.Issues }, quality with { Issues = quality.Issues, ResourcesIgnored = whole.Quality.ResourcesIgnored });
        Assert.Equal(whole.Quality.ResourcesIgnored, quality.ResourcesIgnored);
        Assert.NotEmpty(whole.Quality.Issues);

        // Records of the partitions, put in id order, are the one pass's: ids number them as one read does.
        Assert.Equal(Json(whole.Data.Appointments), Json(parts.SelectMany(p => p.Data.Appointments).OrderBy(a => a.Id, StringComparer.Ordinal)));
        Assert.Equal(Json(whole.Data.AvailabilitySnapshots), Json(parts.SelectMany(p => p.Data.AvailabilitySnapshots)));
        Assert.NotEmpty(whole.Data.AvailabilitySnapshots);
        Assert.Equal(whole.Data.Appointments.Select(a => a.Id), whole.Data.Appointments.Select(a => a.Id).Order(StringComparer.Ordinal));

        // The visit dates the partitioning saw take every copy, before de-duplication and mapping: here the older copy
        // of e6 (21 February) widens them beyond the period the read states (to 20 February, the newer copy of e5); the
        // retracted e7 (22 February) is not a finished encounter.
        Assert.Equal(new MeasurementPeriod(new DateOnly(2025, 2, 1), new DateOnly(2025, 2, 20)), whole.Data.Period);
        Assert.Equal(new MeasurementPeriod(new DateOnly(2025, 2, 1), new DateOnly(2025, 2, 21)), partitions.VisitDates);
    }

    [Fact]
    public void EveryResourceOfAPatient_LandsInOnePartition()
    {
        var paths = WriteExport();
        using var partitions = Reader().PartitionNdjson(paths, Path.Combine(_tempDir, "parts"), 7);
        var keysByPartition = Enumerable.Range(0, 7).Select(k => partitions.Read(k).Data.Appointments.Select(a => a.PatientKey).ToHashSet()).ToList();
        for (int i = 0; i < 7; i++)
            for (int j = i + 1; j < 7; j++)
                Assert.Empty(keysByPartition[i].Intersect(keysByPartition[j]));
        // Stable across processes and machines: 64-bit FNV-1a of the UTF-8 bytes ("a" hashes to 0xaf63dc4c8601ec8c).
        Assert.Equal(1_690_936_615, FhirPartitions.PartitionOf("a", int.MaxValue));
        Assert.Equal(996, FhirPartitions.PartitionOf("a", 1000));
    }

    [Fact]
    public void ParallelPartitioning_OfABatchOfThousandsOfLines_WritesEachLineToItsPatientsPartition()
    {
        // 3,000 lines in one batch (its pooled arrays grow several times), blank ones among them.
        var lines = Enumerable.Range(0, 3_000).Select(i => i % 7 == 3 ? "" : Encounter($"e{i}", $"p{i % 97}", "2025-02-04T09:00:00Z")).ToList();
        var path = Path.Combine(_tempDir, "Encounter.ndjson");
        File.WriteAllLines(path, lines);
        var options = new FhirReadOptions { PseudonymKey = Key };
        using var sequential = new FhirPracticeReader(options) { ParallelPartition = false }.PartitionNdjson([path], Path.Combine(_tempDir, "sequential"), 5);
        using var parallel = new FhirPracticeReader(options) { ParallelPartition = true, BatchBytes = 1 << 20 }.PartitionNdjson([path], Path.Combine(_tempDir, "parallel"), 5);
        int written = 0;
        for (int k = 0; k < 5; k++)
        {
            var expected = File.ReadAllBytes(FhirPartitions.PathOf(sequential.Folder, k));
            Assert.Equal(expected, File.ReadAllBytes(FhirPartitions.PathOf(parallel.Folder, k)));
            // "position kind TAB resource", the position being the 1-based line (first file): the partition of the patient id.
            foreach (var line in File.ReadLines(FhirPartitions.PathOf(parallel.Folder, k)))
            {
                int index = int.Parse(line[..line.IndexOf(' ')], System.Globalization.CultureInfo.InvariantCulture) - 1;
                Assert.Equal(FhirPartitions.PartitionOf($"p{index % 97}", 5), k);
                Assert.Equal(lines[index], line[(line.IndexOf('\t') + 1)..]);
                written++;
            }
        }
        Assert.Equal(lines.Count(l => l.Length > 0), written);
    }

    [Theory]
    [InlineData(64)]       // a batch per line or two
    [InlineData(1_000)]
    [InlineData(1 << 20)]  // one batch per file
    public void ParallelPartitioning_WritesTheSequentialPartitionsByteForByte(int batchBytes)
    {
        // The export above, plus blank lines, lines over the line limit and a corrupt .ndjson.gz after a good part.
        var paths = WriteExport().ToList();
        File.AppendAllLines(paths[0], ["", "   ", Encounter("e200", "p2", "2025-02-03T09:00:00Z") + new string(' ', 1200), Encounter("e201", "p9", "2025-01-30T09:00:00Z")]);
        var gz = Path.Combine(_tempDir, "Broken.ndjson.gz");
        using (var output = File.Create(gz))
        using (var zip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Fastest))
            zip.Write(System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(300, 400).Select(i => Encounter($"e{i}", $"p{i % 40 + 1}", "2025-02-04T09:00:00Z") + "\n"))));
        var bytes = File.ReadAllBytes(gz);
        for (int i = bytes.Length / 2; i < bytes.Length / 2 + 40; i++) bytes[i] = 0xFF;   // inside the deflate stream
        File.WriteAllBytes(gz, bytes);
        paths.Add(gz);

        var options = new FhirReadOptions { PseudonymKey = Key, MaxLineBytes = 1024 };
        using var sequential = new FhirPracticeReader(options) { ParallelPartition = false }.PartitionNdjson(paths, Path.Combine(_tempDir, "sequential"), 5);
        using var parallel = new FhirPracticeReader(options) { ParallelPartition = true, BatchBytes = batchBytes }.PartitionNdjson(paths, Path.Combine(_tempDir, "parallel"), 5);
        for (int k = 0; k < 5; k++)
        {
            var expected = File.ReadAllBytes(FhirPartitions.PathOf(sequential.Folder, k));
            Assert.Equal(expected, File.ReadAllBytes(FhirPartitions.PathOf(parallel.Folder, k)));
        }
        Assert.Equal(new MeasurementPeriod(new DateOnly(2025, 1, 30), new DateOnly(2025, 2, 21)), sequential.VisitDates);
        Assert.Equal(sequential.VisitDates, parallel.VisitDates);
        var partition0 = File.ReadAllText(FhirPartitions.PathOf(sequential.Folder, 0));
        Assert.Contains(" L\t", partition0, StringComparison.Ordinal);   // the line over the limit
        Assert.Contains(" G\t", partition0, StringComparison.Ordinal);   // the corrupt gzip, at the line it broke
        Assert.Equal(Json(Enumerable.Range(0, 5).SelectMany(k => sequential.Read(k).Data.Appointments)), Json(Enumerable.Range(0, 5).SelectMany(k => parallel.Read(k).Data.Appointments)));
    }

    [Fact]
    public void Dispose_RemovesTheFolder_AndFailureWhilePartitioningRemovesItToo()
    {
        var paths = WriteExport();
        var folder = Path.Combine(_tempDir, "parts");
        var partitions = Reader().PartitionNdjson(paths, folder, 4);
        Assert.True(Directory.Exists(folder));
        partitions.Dispose();
        Assert.False(Directory.Exists(folder));
        Assert.Throws<ObjectDisposedException>(() => partitions.Read(0));

        var missing = Path.Combine(_tempDir, "missing.ndjson");
        Assert.ThrowsAny<IOException>(() => Reader().PartitionNdjson([paths[0], missing], folder, 4));
        Assert.False(Directory.Exists(folder));

        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => Reader().PartitionNdjson(paths, folder, 4, cancellationToken: cancel.Token));
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void Read_DamagedPartitionFile_ThrowsInvalidData()
    {
        var paths = WriteExport();
        using var partitions = Reader().PartitionNdjson(paths, Path.Combine(_tempDir, "parts"), 2);
        File.WriteAllText(Path.Combine(partitions.Folder, "part-00001.ndjson"), "garbage\n");
        Assert.Throws<InvalidDataException>(() => partitions.Read(1));
    }

    [Fact]
    public void SharedBulkExport_InPartitions_EqualsOnePass()
    {
        if (SharedFhirData.Folder is not { } root || !Directory.Exists(Path.Combine(root, "bulk")))
        {
            Assert.Skip($"The shared FHIR data is not at {SharedFhirData.Expected}.");
            return;
        }
        var paths = Directory.EnumerateFiles(Path.Combine(root, "bulk"), "*.ndjson").Where(f => !f.EndsWith("log.ndjson", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        var whole = Reader().ReadNdjson(paths);
        using var partitions = Reader().PartitionNdjson(paths, Path.Combine(_tempDir, "parts"), 5);
        var parts = Enumerable.Range(0, 5).Select(k => partitions.Read(k)).ToList();
        var quality = FhirDataQuality.Combine(parts.Select(p => p.Quality));
        Assert.Equal(whole.Quality.Issues, quality.Issues);
        Assert.Equal(whole.Quality.ResourcesRead, quality.ResourcesRead);
        Assert.Equal(whole.Quality.BookingInstantUnknown, quality.BookingInstantUnknown);
        Assert.Equal(Json(whole.Data.Appointments), Json(parts.SelectMany(p => p.Data.Appointments).OrderBy(a => a.Id, StringComparer.Ordinal)));
    }
}

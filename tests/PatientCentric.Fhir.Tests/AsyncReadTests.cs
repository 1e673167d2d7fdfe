using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using PatientCentric.Serialization;

namespace PatientCentric.Fhir.Tests;

/// <summary>The asynchronous reads give exactly the records and data-quality report of the synchronous reads of the same
/// bytes: on the shared FHIR data (found next to the repository as ../shared/data/fhir) when it is there, and always on
/// this project's Data folder; through streams that return a few bytes per read, so lines and Bundles span reads.</summary>
public sealed class AsyncReadTests
{
    private static readonly System.Collections.Immutable.ImmutableArray<byte> Key = [.. Enumerable.Range(1, 32).Select(i => (byte)(i * 7))];

    private static FhirPracticeReader NewReader() =>
        new(new FhirReadOptions { PseudonymKey = Key, SlotsObservedAt = new DateTimeOffset(2024, 3, 4, 7, 0, 0, TimeSpan.Zero) });

    /// <summary>Every data root there is: the shared data beside the repository, and the bundled subset.</summary>
    public static TheoryData<string> Roots()
    {
        var roots = new TheoryData<string> { Path.Combine(AppContext.BaseDirectory, "Data") };
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PatientCentric.sln"))) dir = dir.Parent;
        if (dir?.Parent is { } parent && Directory.Exists(Path.Combine(parent.FullName, "shared", "data", "fhir")))
            roots.Add(Path.Combine(parent.FullName, "shared", "data", "fhir"));
        return roots;
    }

    private static IEnumerable<string> Folders(string root) =>
        Directory.EnumerateDirectories(root, "*", SearchOption.AllDirectories).Prepend(root).Order(StringComparer.Ordinal);

    private static List<string> NdjsonFiles(string folder) => [.. Directory.EnumerateFiles(folder)
        .Where(f => f.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".ndjson.gz", StringComparison.OrdinalIgnoreCase))
        .Where(f => !Path.GetFileName(f).Equals("log.ndjson", StringComparison.OrdinalIgnoreCase))
        .Order(StringComparer.Ordinal)];

    private static List<string> JsonFiles(string folder) => [.. Directory.EnumerateFiles(folder)
        .Where(f => f.EndsWith(".json", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal)];

    /// <summary>A stream that hands out at most a few bytes per read, asynchronously, as a slow download does.</summary>
    private sealed class TrickleStream(Stream inner, int most) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("the async read must not read synchronously");
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            return await inner.ReadAsync(buffer[..Math.Min(most, buffer.Length)], cancellationToken);
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }

    private static Stream Open(string path, int trickle)
    {
        Stream file = File.OpenRead(path);
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)) file = new GZipStream(file, CompressionMode.Decompress);
        return new TrickleStream(file, trickle);
    }

    /// <summary>Yields each file as a host's download loop would, disposing each stream once it has been read.</summary>
    private static async IAsyncEnumerable<(string Name, Stream Content)> Download(IEnumerable<string> paths, int trickle, [EnumeratorCancellation] CancellationToken ct = default)
    {
        foreach (var path in paths)
        {
            await Task.Yield();
            ct.ThrowIfCancellationRequested();
            await using var content = Open(path, trickle);
            yield return (Path.GetFileName(path), content);
        }
    }

    private static string Json(FhirReadResult r) => JsonSerializer.Serialize(r.Data, PatientCentricJsonContext.Default.PracticeDataSet);

    private static string Quality(FhirDataQuality q) =>
        $"read {q.ResourcesRead}, duplicates {q.DuplicatesReplaced}, ignored {string.Join(",", q.ResourcesIgnored.Select(p => $"{p.Key}={p.Value}"))}, "
        + $"booking unknown {q.BookingInstantUnknown}, derived {q.DerivedFills}, without response {q.ClaimsWithoutResponse}, closure unknown {q.ReferralClosureUnknown}, "
        + $"issues [{string.Join("; ", q.Issues)}]";

    private static void AssertSame(FhirReadResult sync, FhirReadResult async, string what)
    {
        Assert.True(sync.Quality.ResourcesRead > 0, $"{what}: nothing read");
        Assert.True(Json(sync) == Json(async), $"{what}: records differ between the sync and the async read");
        Assert.Equal(Quality(sync.Quality), Quality(async.Quality));
    }

    [Theory]
    [MemberData(nameof(Roots))]
    public async Task ReadNdjsonAsync_OverDownloads_GivesWhatTheFolderReadGives(string root)
    {
        int compared = 0;
        foreach (var folder in Folders(root))
        {
            var files = NdjsonFiles(folder);
            if (files.Count == 0) continue;
            var reader = NewReader();
            var sync = reader.ReadNdjsonFolder(folder);
            var async = await reader.ReadNdjsonAsync(Download(files, trickle: 997), cancellationToken: TestContext.Current.CancellationToken);
            AssertSame(sync, async, folder);
            compared++;
        }
        Assert.True(compared > 0, $"no NDJSON under {root}");
    }

    [Theory]
    [MemberData(nameof(Roots))]
    public async Task ReadNdjsonAsync_OverStreams_GivesWhatTheStreamReadGives(string root)
    {
        foreach (var folder in Folders(root))
        {
            var files = NdjsonFiles(folder).Where(f => !f.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)).ToList();
            if (files.Count == 0) continue;
            var reader = NewReader();
            var syncStreams = files.Select(f => (Path.GetFileName(f), (Stream)File.OpenRead(f))).ToList();
            var asyncStreams = files.Select(f => (Path.GetFileName(f), Open(f, trickle: 61))).ToList();
            try
            {
                var sync = reader.ReadNdjson(syncStreams);
                var async = await reader.ReadNdjsonAsync(asyncStreams, cancellationToken: TestContext.Current.CancellationToken);
                AssertSame(sync, async, folder);
            }
            finally
            {
                foreach (var (_, s) in syncStreams.Concat(asyncStreams)) s.Dispose();
            }
        }
    }

    [Theory]
    [MemberData(nameof(Roots))]
    public async Task ReadJsonAsync_OverDownloads_GivesWhatTheFolderReadGives(string root)
    {
        int compared = 0;
        foreach (var folder in Folders(root))
        {
            var files = JsonFiles(folder);
            if (files.Count == 0) continue;
            var reader = NewReader();
            var sync = reader.ReadJsonFolder(folder);
            var async = await reader.ReadJsonAsync(Download(files, trickle: 4093), cancellationToken: TestContext.Current.CancellationToken);
            AssertSame(sync, async, folder);
            compared++;
        }
        Assert.True(compared > 0, $"no JSON under {root}");
    }

    [Fact]
    public async Task ReadNdjsonAsync_CrlfBomBlankAndUnterminatedLines_AreReadAsTheSyncReadReadsThem()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(
            "{\"resourceType\":\"Patient\",\"id\":\"p1\"}\r\n\r\n   \n{\"resourceType\":\"Encounter\",\"id\":\"e1\",\"status\":\"finished\",\"subject\":{\"reference\":\"Patient/p1\"},"
            + "\"period\":{\"start\":\"2024-03-01T09:00:00Z\",\"end\":\"2024-03-01T09:30:00Z\"},\"class\":{\"code\":\"AMB\"}}\r\n{not json\n{\"resourceType\":\"Observation\",\"id\":\"o1\"}")];
        var reader = NewReader();
        var sync = reader.ReadNdjson([("edge.ndjson", (Stream)new MemoryStream(bytes))]);
        foreach (int trickle in new[] { 1, 2, 3, 5, 64 })
        {
            var async = await reader.ReadNdjsonAsync([("edge.ndjson", (Stream)new TrickleStream(new MemoryStream(bytes), trickle))], cancellationToken: TestContext.Current.CancellationToken);
            AssertSame(sync, async, $"trickle {trickle}");
        }
        Assert.Equal(4, sync.Quality.ResourcesRead);
        Assert.Equal(1, sync.Quality.Count(FhirIssueCode.Malformed));
    }

    [Fact]
    public async Task ReadNdjsonAsync_LinesLongerThanTheBuffer_AreReadWhole()
    {
        // One line of ~3 MB (longer than the 1 MB initial buffer): the buffer must grow, as the sync reader's does.
        string padding = new('x', 3 << 20);
        byte[] bytes = Encoding.UTF8.GetBytes($"{{\"resourceType\":\"Patient\",\"id\":\"p1\",\"text\":{{\"div\":\"{padding}\"}}}}\n{{\"resourceType\":\"Observation\",\"id\":\"o1\"}}\n");
        var reader = NewReader();
        var sync = reader.ReadNdjson([("long.ndjson", (Stream)new MemoryStream(bytes))]);
        var async = await reader.ReadNdjsonAsync([("long.ndjson", (Stream)new TrickleStream(new MemoryStream(bytes), 1 << 16))], cancellationToken: TestContext.Current.CancellationToken);
        AssertSame(sync, async, "long line");
        Assert.Equal(2, async.Quality.ResourcesRead);
    }

    [Fact]
    public async Task ReadNdjsonAsync_LinesOverTheLimit_AreOneMalformedProblemEach_AsTheSyncReadHasThem()
    {
        // MaxLineBytes 1 KiB: a 5,000-byte line in the middle and an unterminated 3,000-byte line at the end are each one
        // Malformed problem; the lines around them are read. Trickled in pieces smaller and larger than the limit.
        string patient = "{\"resourceType\":\"Patient\",\"id\":\"p1\"}";
        byte[] bytes = Encoding.UTF8.GetBytes(patient + "\n" + new string('0', 5000) + "\n" + patient.Replace("p1", "p2", StringComparison.Ordinal) + "\n" + new string('0', 3000));
        var reader = new FhirPracticeReader(new FhirReadOptions { PseudonymKey = Key, MaxLineBytes = 1024 });
        var sync = reader.ReadNdjson([("limit.ndjson", (Stream)new MemoryStream(bytes))]);
        Assert.Equal(["Malformed limit.ndjson line 2", "Malformed limit.ndjson line 4"], sync.Quality.Issues.Select(i => i.ToString()));
        foreach (int trickle in new[] { 7, 1000, 4096 })
        {
            var async = await reader.ReadNdjsonAsync([("limit.ndjson", (Stream)new TrickleStream(new MemoryStream(bytes), trickle))], cancellationToken: TestContext.Current.CancellationToken);
            AssertSame(sync, async, $"trickle {trickle}");
        }
    }

    [Fact]
    public async Task ReadNdjsonAsync_TwoObjectsOnOneLine_IsMalformed_AsTheSyncReadHasIt()
    {
        byte[] bytes = Encoding.UTF8.GetBytes("{\"resourceType\":\"Patient\",\"id\":\"p1\"} {\"resourceType\":\"Patient\",\"id\":\"p2\"}\n");
        var reader = NewReader();
        var async = await reader.ReadNdjsonAsync([("two.ndjson", (Stream)new MemoryStream(bytes))], cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("Malformed two.ndjson line 1", Assert.Single(async.Quality.Issues).ToString());
    }

    [Fact]
    public async Task ReadNdjsonAsync_Cancelled_Throws()
    {
        var files = NdjsonFiles(Folders(Path.Combine(AppContext.BaseDirectory, "Data")).First(f => NdjsonFiles(f).Count > 0));
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => NewReader().ReadNdjsonAsync(Download(files, 997), cancellationToken: cts.Token));
    }

    [Fact]
    public async Task ReadJsonAsync_OneStream_GivesWhatTheFileReadGives()
    {
        var file = JsonFiles(Folders(Path.Combine(AppContext.BaseDirectory, "Data")).First(f => JsonFiles(f).Count > 0))[0];
        var reader = NewReader();
        var sync = reader.ReadJsonFile(file);
        await using var content = Open(file, 333);
        var async = await reader.ReadJsonAsync(Path.GetFileName(file), content, cancellationToken: TestContext.Current.CancellationToken);
        AssertSame(sync, async, file);
    }
}

using System.Collections.Immutable;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PatientCentric.Serialization;

namespace PatientCentric.Fhir.Tests;

/// <summary>The NDJSON read that parses batches of lines on other threads (<see cref="FhirPracticeReader.ParallelParse"/>)
/// gives exactly what the sequential read gives: the same records, the same data-quality report with its issues in the
/// same order, and in strict mode the same first problem; at any batch size, on hostile input and on the shared data.</summary>
public sealed class ParallelReadTests : IDisposable
{
    private readonly string _tempDir = Directory.CreateTempSubdirectory("pc-fhir-parallel-").FullName;

    public void Dispose() => Directory.Delete(_tempDir, recursive: true);

    private static readonly ImmutableArray<byte> Key = [.. Enumerable.Range(1, 32).Select(i => (byte)(i * 5))];

    private static FhirPracticeReader Reader(bool parallel, int batchBytes, bool strict = false, int maxLineBytes = FhirReadOptions.DefaultMaxLineBytes) =>
        new(new FhirReadOptions
        {
            PseudonymKey = Key, Strict = strict, MaxLineBytes = maxLineBytes,
            SlotsObservedAt = new DateTimeOffset(2024, 3, 4, 7, 0, 0, TimeSpan.Zero),
        })
        { ParallelParse = parallel, BatchBytes = batchBytes };

    /// <summary>Everything a read gives, as text: the records, the quality report with every issue in order, or the
    /// strict read's exception with its issues.</summary>
    private static string Outcome(Func<FhirPracticeReader, FhirReadResult> read, FhirPracticeReader reader)
    {
        try
        {
            var result = read(reader);
            var q = result.Quality;
            return JsonSerializer.Serialize(result.Data, PatientCentricJsonContext.Default.PracticeDataSet)
                   + $"\nread {q.ResourcesRead}, duplicates {q.DuplicatesReplaced}, retracted {q.Retracted}, "
                   + $"ignored {string.Join(",", q.ResourcesIgnored.Select(p => $"{p.Key}={p.Value}"))}, "
                   + $"issues [{string.Join("; ", q.Issues)}]";
        }
        catch (FhirInputException e)
        {
            return $"FhirInputException [{string.Join("; ", e.Issues)}]";
        }
    }

    private static bool Same(Func<FhirPracticeReader, FhirReadResult> read, int batchBytes, bool strict, int maxLineBytes)
    {
        var sequential = Outcome(read, Reader(parallel: false, batchBytes, strict, maxLineBytes));
        var parallel = Outcome(read, Reader(parallel: true, batchBytes, strict, maxLineBytes));
        Assert.Equal(sequential, parallel);
        return true;
    }

    private static Gen<int> BatchBytes() => Gen.Elements(1, 2, 40, 300, 4096, 1 << 20);

    private static Gen<(byte[] First, byte[] Second, int Batch, bool Strict, int MaxLine)> NdjsonCase() =>
        from first in HostileFhir.Ndjson()
        from second in HostileFhir.Ndjson()
        from batch in BatchBytes()
        from strict in Gen.Elements(false, false, true)
        from maxLine in Gen.Elements(1024, FhirReadOptions.DefaultMaxLineBytes)
        select (first, second, batch, strict, maxLine);

    [Property(MaxTest = 150)]
    public Property HostileNdjson_ParallelRead_IsTheSequentialRead() =>
        Prop.ForAll(NdjsonCase().ToArbitrary(), c =>
            Same(r => r.ReadNdjson([("a.ndjson", (Stream)new MemoryStream(c.First)), ("b.ndjson", new MemoryStream(c.Second))]),
                 c.Batch, c.Strict, c.MaxLine));

    [Property(MaxTest = 60)]
    public Property HostileGzip_ParallelRead_IsTheSequentialRead() =>
        Prop.ForAll(HostileFhir.Gzip().ToArbitrary(), BatchBytes().ToArbitrary(), (input, batch) =>
        {
            var (gz, cut, junk) = input;
            byte[] bytes = junk ? [.. gz, .. "junk"u8.ToArray()] : cut > 0 ? gz[..cut] : gz;
            var path = Path.Combine(_tempDir, Guid.NewGuid().ToString("N") + ".ndjson.gz");
            File.WriteAllBytes(path, bytes);
            return Same(r => r.ReadNdjson([path, path]), batch, strict: false, FhirReadOptions.DefaultMaxLineBytes);
        });

    /// <summary>Real data: every NDJSON file of the shared export (or the bundled subset), read as one export.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(4096)]
    [InlineData(1 << 20)]
    public void SharedNdjson_ParallelRead_IsTheSequentialRead(int batchBytes)
    {
        var root = SharedFhirData.Folder ?? Path.Combine(AppContext.BaseDirectory, "Data");
        var files = Directory.EnumerateFiles(root, "*.ndjson", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).Equals("log.ndjson", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(files);
        var sequential = Outcome(r => r.ReadNdjson(files), Reader(parallel: false, batchBytes));
        Assert.DoesNotContain("\nread 0,", sequential, StringComparison.Ordinal);   // something was read
        Assert.Equal(sequential, Outcome(r => r.ReadNdjson(files), Reader(parallel: true, batchBytes)));
    }

    [Fact]
    public void Cancelled_ParallelRead_Throws()
    {
        var lines = string.Concat(Enumerable.Range(0, 200).Select(i => $$"""{"resourceType":"Patient","id":"p{{i}}"}""" + "\n"));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(() => Reader(parallel: true, batchBytes: 64)
            .ReadNdjson([("p.ndjson", (Stream)new MemoryStream(System.Text.Encoding.UTF8.GetBytes(lines)))], cancellationToken: cancelled.Token));
    }
}

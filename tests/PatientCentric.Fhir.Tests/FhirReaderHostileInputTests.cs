using System.Collections.Immutable;
using System.IO.Compression;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace PatientCentric.Fhir.Tests;

/// <summary>The reader never silently keeps or drops the wrong thing (retracted, duplicated, malformed and out-of-range
/// data; issue 12), and never fails on hostile input with anything but the documented <see cref="FhirInputException"/>
/// (strict mode).</summary>
public sealed class FhirReaderHostileInputTests : IDisposable
{
    private readonly string _tempDir = Directory.CreateTempSubdirectory("pc-fhir-hostile-").FullName;

    public void Dispose() => Directory.Delete(_tempDir, recursive: true);

    private static readonly ImmutableArray<byte> Key = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    private static FhirPracticeReader Reader(FhirParser parser = FhirParser.Utf8, bool strict = false, int maxLineBytes = FhirReadOptions.DefaultMaxLineBytes) =>
        new(new FhirReadOptions { PseudonymKey = Key, Parser = parser, Strict = strict, MaxLineBytes = maxLineBytes,
                                  SlotsObservedAt = new DateTimeOffset(2024, 3, 4, 7, 0, 0, TimeSpan.Zero) });

    private static FhirReadResult ReadText(string ndjson, FhirParser parser = FhirParser.Utf8, bool strict = false) =>
        Reader(parser, strict).ReadNdjson([("t.ndjson", (Stream)new MemoryStream(Encoding.UTF8.GetBytes(ndjson)))]);

    private static string Lines(params string[] lines) => string.Join("\n", lines) + "\n";

    private const string Patient = """{"resourceType":"Patient","id":"p1"}""";

    private static string Encounter(string status, string lastUpdated, string start = "2024-03-01T09:00:00Z") =>
        $$$"""{"resourceType":"Encounter","id":"e1","meta":{"lastUpdated":"{{{lastUpdated}}}"},"status":"{{{status}}}","class":{"code":"AMB"},"subject":{"reference":"Patient/p1"},"period":{"start":"{{{start}}}"}}""";

    private static string Dispense(string status, string lastUpdated, string handedOver = "2024-01-05") =>
        $$$"""{"resourceType":"MedicationDispense","id":"d1","meta":{"lastUpdated":"{{{lastUpdated}}}"},"status":"{{{status}}}","subject":{"reference":"Patient/p1"},"medicationCodeableConcept":{"text":"Atorvastatin"},"whenHandedOver":"{{{handedOver}}}","daysSupply":{"value":30}}""";

    public static TheoryData<FhirParser> Parsers() => [FhirParser.Utf8, FhirParser.Firely];

    // ---------- retracted and duplicated ----------

    [Theory]
    [MemberData(nameof(Parsers))]
    public void NewerEnteredInError_RemovesTheOlderFinishedEncounter_InEitherOrder(FhirParser parser)
    {
        var older = Encounter("finished", "2024-03-02T00:00:00Z");
        var newer = Encounter("entered-in-error", "2024-03-05T00:00:00Z");
        foreach (var text in new[] { Lines(Patient, older, newer), Lines(newer, Patient, older) })
        {
            var result = ReadText(text, parser);
            Assert.Empty(result.Data.Appointments);
            Assert.Equal((1, 1), (result.Quality.DuplicatesReplaced, result.Quality.Retracted));
            Assert.Empty(result.Quality.Issues);
        }
    }

    [Theory]
    [MemberData(nameof(Parsers))]
    public void NewerEnteredInError_RemovesTheOlderCompletedDispense(FhirParser parser)
    {
        var result = ReadText(Lines(Patient, Dispense("entered-in-error", "2024-01-09T00:00:00Z"), Dispense("completed", "2024-01-06T00:00:00Z")), parser);
        Assert.Empty(result.Data.MedicationFills);
        Assert.Equal(1, result.Quality.Retracted);
        // The older copy wins only when it is the later one.
        var kept = ReadText(Lines(Patient, Dispense("entered-in-error", "2024-01-01T00:00:00Z"), Dispense("completed", "2024-01-06T00:00:00Z")), parser);
        Assert.Single(kept.Data.MedicationFills);
        Assert.Equal((1, 0), (kept.Quality.DuplicatesReplaced, kept.Quality.Retracted));
    }

    [Fact]
    public void NewerCopyWithAProblem_AlsoReplacesTheOlder_AndIsAnIssueNotARetraction()
    {
        var broken = """{"resourceType":"Encounter","id":"e1","meta":{"lastUpdated":"2024-03-09T00:00:00Z"},"status":"finished","subject":{"reference":"Patient/p1"}}""";
        var result = ReadText(Lines(Patient, Encounter("finished", "2024-03-02T00:00:00Z"), broken));
        Assert.Empty(result.Data.Appointments);
        Assert.Equal(0, result.Quality.Retracted);
        Assert.Equal("MissingField t.ndjson line 3, Encounter.period.start", Assert.Single(result.Quality.Issues).ToString());
    }

    [Fact]
    public void EnteredInErrorAlone_IsNoRetraction()
    {
        var result = ReadText(Lines(Patient, Encounter("entered-in-error", "2024-03-05T00:00:00Z")));
        Assert.Equal((0, 0), (result.Quality.Retracted, result.Quality.DuplicatesReplaced));
        Assert.Empty(result.Data.Appointments);
    }

    // ---------- malformed lines ----------

    [Theory]
    [InlineData("""{"resourceType":"Patient","id":"p1"}{"resourceType":"Patient","id":"p2"}""")]
    [InlineData("""{"resourceType":"Patient","id":"p1"} {"resourceType":"Patient","id":"p2"}""")]
    [InlineData("""{"resourceType":"Patient","id":"p1"} x""")]
    [InlineData("""{"resourceType":"Patient","id":"p1"}}""")]
    [InlineData("""{"resourceType":"Patient","id":"p1"},""")]
    [InlineData("""{"resourceType":"Patient","id":"p1"} // note""")]
    public void TextAfterTheObject_MakesTheLineMalformed_EvenStrict(string line)
    {
        foreach (var parser in new[] { FhirParser.Utf8, FhirParser.Firely })
        {
            var result = ReadText(Lines(line, Encounter("finished", "2024-03-02T00:00:00Z")), parser);
            Assert.Equal((FhirIssueCode.Malformed, 1), (result.Quality.Issues[0].Code, result.Quality.Issues[0].Line));
            Assert.Empty(result.Data.Appointments);   // p1 was not taken from the spoiled line
            var error = Assert.Throws<FhirInputException>(() => ReadText(Lines(line), parser, strict: true));
            Assert.Equal(FhirIssueCode.Malformed, Assert.Single(error.Issues).Code);
        }
        Assert.Empty(ReadText(Lines("""{"resourceType":"Patient","id":"p1"}  """ + "\t")).Quality.Issues);   // whitespace is fine
    }

    // ---------- dates ----------

    [Theory]
    [InlineData("MedicationDispense", "2025-02-30", "MedicationDispense.whenHandedOver")]
    [InlineData("MedicationDispense", "10000-01-05", "MedicationDispense.whenHandedOver")]
    [InlineData("MedicationDispense", "2024-01", "MedicationDispense.whenHandedOver")]
    [InlineData("MedicationDispense", "2024-01-05T16:00:00", "MedicationDispense.whenHandedOver")]
    [InlineData("Encounter", "2025-02-30T09:00:00Z", "Encounter.period.start")]
    [InlineData("Encounter", "10000-03-01T09:00:00Z", "Encounter.period.start")]
    [InlineData("Encounter", "2024-03-01T09:00:00", "Encounter.period.start")]
    [InlineData("Appointment", "2024-03-01", "Appointment.start")]                   // an instant needs the time
    [InlineData("Appointment", "2024-03-01T09:00:00", "Appointment.start")]          // and its offset
    [InlineData("Slot", "2024-03-04T09:00:00", "Slot.start")]
    [InlineData("lastUpdated", "2024-03-02T00:00:00", "Encounter.meta.lastUpdated")]
    [InlineData("lastUpdated", "2024-02-30T00:00:00Z", "Encounter.meta.lastUpdated")]
    public void ImpossibleOrOutOfRangeDate_IsInvalidValue_WithLineAndField(string type, string value, string field)
    {
        string line = type switch
        {
            "MedicationDispense" => Dispense("completed", "2024-01-06T00:00:00Z", value),
            "Encounter" => Encounter("finished", "2024-03-02T00:00:00Z", value),
            "Appointment" => $$$"""{"resourceType":"Appointment","id":"a1","status":"booked","start":"{{{value}}}","participant":[{"actor":{"reference":"Patient/p1"}}]}""",
            "Slot" => $$"""{"resourceType":"Slot","id":"s1","schedule":{"reference":"Schedule/x"},"status":"free","start":"{{value}}"}""",
            _ => Encounter("finished", value),
        };
        foreach (var parser in new[] { FhirParser.Utf8, FhirParser.Firely })
        {
            var result = ReadText(Lines(Patient, """{"resourceType":"Schedule","id":"x"}""", line), parser);
            Assert.Equal($"InvalidValue t.ndjson line 3, {field}", Assert.Single(result.Quality.Issues).ToString());
            Assert.Empty(result.Data.Appointments);
            Assert.Empty(result.Data.MedicationFills);
        }
    }

    [Fact]
    public void OptionalDates_WhenInvalid_AreInvalidValue_NotSilentlyDropped()
    {
        var result = ReadText(Lines(Patient,
            """{"resourceType":"Appointment","id":"a1","status":"booked","created":"2024-02-30","start":"2024-03-01T09:00:00Z","participant":[{"actor":{"reference":"Patient/p1"}}]}""",
            """{"resourceType":"Encounter","id":"e2","status":"finished","subject":{"reference":"Patient/p1"},"period":{"start":"2024-03-01T09:00:00Z","end":"2024-03-01T09:40:00"}}""",
            """{"resourceType":"Encounter","id":"e3","status":"finished","subject":{"reference":"Patient/p1"},"period":{"start":"2024-03-01T09:00:00Z"},"statusHistory":[{"status":"arrived","period":{"start":"2024-13-01T08:00:00Z"}}]}"""));
        Assert.Empty(result.Data.Appointments);
        Assert.Equal(
            ["InvalidValue t.ndjson line 2, Appointment.created", "InvalidValue t.ndjson line 3, Encounter.period.end",
             "InvalidValue t.ndjson line 4, Encounter.statusHistory.period.start"],
            result.Quality.Issues.Select(i => i.ToString()));
    }

    // ---------- Bundles ----------

    private FhirReadResult ReadBundle(string json, FhirParser parser = FhirParser.Utf8)
    {
        var path = Path.Combine(_tempDir, Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, json);
        return Reader(parser).ReadJsonFile(path);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("null")]
    [InlineData("\"x\"")]
    [InlineData("""{"resource":{"resourceType":"Patient","id":"p1"}}""")]
    public void BundleEntryThatIsNotAnArray_IsMalformed_NotAnIgnoredBundle(string entry)
    {
        var result = ReadBundle($$"""{"resourceType":"Bundle","type":"collection","entry":{{entry}}}""");
        var issue = Assert.Single(result.Quality.Issues);
        Assert.Equal((FhirIssueCode.Malformed, 0, "Bundle", "Bundle.entry"), (issue.Code, issue.Line, issue.ResourceType, issue.Field));
        Assert.Empty(result.Quality.ResourcesIgnored);
    }

    [Theory]
    [MemberData(nameof(Parsers))]
    public void BundleEntriesWithoutAResource_AreProblemsAtTheirPositions(FhirParser parser)
    {
        var result = ReadBundle("""{"resourceType":"Bundle","type":"history","entry":[{"resource":{"resourceType":"Patient","id":"p1"}},{"request":{"method":"DELETE","url":"Encounter/e1"}},42,{"fullUrl":"urn:uuid:x","resource":"Patient"}]}""", parser);
        Assert.Equal(
            [(FhirIssueCode.MissingField, 2, "Bundle.entry.resource"), (FhirIssueCode.Malformed, 3, "Bundle.entry"), (FhirIssueCode.Malformed, 4, "Bundle.entry.resource")],
            result.Quality.Issues.Select(i => (i.Code, i.Line, i.Field)));
        Assert.Equal(4, result.Quality.ResourcesRead);
    }

    // ---------- gzip ----------

    private string GzipFile(byte[] bytes)
    {
        var path = Path.Combine(_tempDir, Guid.NewGuid().ToString("N") + ".ndjson.gz");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public void GzipCutAnywhere_IsMalformed_NeverAShorterFile()
    {
        var text = Encoding.UTF8.GetBytes(Lines(Patient, Encounter("finished", "2024-03-02T00:00:00Z"), Dispense("completed", "2024-01-06T00:00:00Z")));
        var gz = HostileFhir.Compress(text);
        Assert.Empty(Reader().ReadNdjson([GzipFile(gz)]).Quality.Issues);
        for (int cut = 1; cut < gz.Length; cut++)
        {
            var result = Reader().ReadNdjson([GzipFile(gz[..cut])]);
            Assert.True(result.Quality.Count(FhirIssueCode.Malformed) == 1, $"cut at {cut} of {gz.Length} bytes: {string.Join("; ", result.Quality.Issues)}");
        }
        // Without its 8-byte trailer (CRC-32 and length), even though every line decodes.
        var noTrailer = Reader().ReadNdjson([GzipFile(gz[..^8])]);
        Assert.Equal(FhirIssueCode.Malformed, Assert.Single(noTrailer.Quality.Issues).Code);
        Assert.Throws<FhirInputException>(() => Reader(strict: true).ReadNdjson([GzipFile(gz[..^8])]));
        // Junk after the member, which gzip itself only warns about.
        Assert.Equal(FhirIssueCode.Malformed, Assert.Single(Reader().ReadNdjson([GzipFile([.. gz, 1, 2, 3])]).Quality.Issues).Code);
    }

    [Fact]
    public void GzipOfSeveralMembers_IsReadWhole()
    {
        var first = HostileFhir.Compress(Encoding.UTF8.GetBytes(Lines(Patient)));
        var second = HostileFhir.Compress(Encoding.UTF8.GetBytes(Lines(Encounter("finished", "2024-03-02T00:00:00Z"))));
        var result = Reader().ReadNdjson([GzipFile([.. first, .. second])]);
        Assert.Empty(result.Quality.Issues);
        Assert.Single(result.Data.Appointments);
        Assert.Empty(Reader().ReadNdjson([GzipFile([])]).Quality.Issues);   // an empty file holds nothing
    }

    // ---------- one huge line ----------

    /// <summary>A stream of <paramref name="zeros"/> '0' bytes on one line between two short lines, made as it is read.</summary>
    private sealed class ZerosLine(long zeros) : Stream
    {
        private static readonly byte[] Head = Encoding.UTF8.GetBytes(Patient + "\n");
        private static readonly byte[] Tail = Encoding.UTF8.GetBytes("\n" + Encounter("finished", "2024-03-02T00:00:00Z") + "\n");
        private long _position;

        public long Length2 => Head.Length + zeros + Tail.Length;

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = 0;
            while (n < count && _position < Length2)
            {
                if (_position < Head.Length) buffer[offset + n] = Head[_position];
                else if (_position < Head.Length + zeros)
                {
                    int k = (int)Math.Min(count - n, Head.Length + zeros - _position);
                    buffer.AsSpan(offset + n, k).Fill((byte)'0');
                    n += k;
                    _position += k;
                    continue;
                }
                else buffer[offset + n] = Tail[_position - Head.Length - zeros];
                n++;
                _position++;
            }
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public void LineOfAGigabyteOfZeros_IsOneMalformedProblem_AtTheDefaultLimit_AndTheReadGoesOn()
    {
        // Issue 12's case: a 1.1 GB line of zeros (4.8 MB gzipped) took 2.1 GB and exited. Streamed, not stored.
        long before = GC.GetAllocatedBytesForCurrentThread();
        var result = Reader().ReadNdjson([("zeros.ndjson", (Stream)new ZerosLine(1_100_000_000))]);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal("Malformed zeros.ndjson line 2", Assert.Single(result.Quality.Issues).ToString());
        Assert.Single(result.Data.Appointments);   // line 3, after the huge line
        Assert.Equal(3, result.Quality.ResourcesRead);
        Assert.True(allocated < 3L * FhirReadOptions.DefaultMaxLineBytes, $"{allocated:N0} bytes allocated");
    }

    [Fact]
    public void LineOverASmallLimit_InAGzipFile_IsSkippedWithinTheLimitsMemory()
    {
        const int Limit = 1 << 20;
        var path = Path.Combine(_tempDir, "zeros.ndjson.gz");
        using (var gz = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        {
            gz.Write(Encoding.UTF8.GetBytes(Patient + "\n"));
            var zeros = new byte[1 << 20];
            zeros.AsSpan().Fill((byte)'0');
            for (int i = 0; i < 200; i++) gz.Write(zeros);   // a 200 MiB line
            gz.Write(Encoding.UTF8.GetBytes("\n" + Encounter("finished", "2024-03-02T00:00:00Z") + "\n"));
        }
        long before = GC.GetAllocatedBytesForCurrentThread();
        var result = Reader(maxLineBytes: Limit).ReadNdjson([path]);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal("Malformed zeros.ndjson.gz line 2", Assert.Single(result.Quality.Issues).ToString());
        Assert.Single(result.Data.Appointments);
        Assert.True(allocated < 16 * Limit, $"{allocated:N0} bytes allocated for a 200 MiB line with a 1 MiB limit");
        Assert.Throws<FhirInputException>(() => Reader(strict: true, maxLineBytes: Limit).ReadNdjson([path]));
    }

    [Fact]
    public void LineLimit_CountsTheBytesBeforeTheLineFeed()
    {
        var pad = new string(' ', 1024 - Patient.Length);
        var text = Patient + pad + "\n" + Patient + pad + " \n" + Patient;
        var result = Reader(maxLineBytes: 1024).ReadNdjson([("t.ndjson", (Stream)new MemoryStream(Encoding.UTF8.GetBytes(text)))]);
        Assert.Equal("Malformed t.ndjson line 2", Assert.Single(result.Quality.Issues).ToString());
        Assert.Equal(3, result.Quality.ResourcesRead);
    }

    [Theory]
    [InlineData(1023)]
    [InlineData((1 << 30) + 1)]
    [InlineData(-1)]
    public void MaxLineBytes_OutOfRange_IsRejected(int value) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new FhirPracticeReader(new FhirReadOptions { MaxLineBytes = value }));

    // ---------- fuzz ----------

    /// <summary>Reads <paramref name="read"/> leniently and strictly: lenient gives a result; strict a result or a
    /// <see cref="FhirInputException"/> with its problems. Neither may carry the patient id in a message or issue.</summary>
    private static bool Survives(Func<FhirPracticeReader, FhirReadResult> read, FhirParser parser)
    {
        var result = read(Reader(parser));
        Assert.All(result.Quality.Issues, i => Assert.DoesNotContain(HostileFhir.Sentinel, i.ToString(), StringComparison.Ordinal));
        Assert.True(result.Quality.ResourcesRead >= 0);
        try
        {
            read(Reader(parser, strict: true));
        }
        catch (FhirInputException e)
        {
            Assert.NotEmpty(e.Issues);
            Assert.DoesNotContain(HostileFhir.Sentinel, e.ToString(), StringComparison.Ordinal);
        }
        return true;
    }

    [Property(MaxTest = 200)]
    public Property HostileNdjson_GivesAResultOrTheDocumentedException_OnBothParsers() =>
        Prop.ForAll(HostileFhir.Ndjson().ToArbitrary(), bytes =>
            Survives(r => r.ReadNdjson([("hostile.ndjson", (Stream)new MemoryStream(bytes))]), FhirParser.Utf8)
            && Survives(r => r.ReadNdjson([("hostile.ndjson", (Stream)new MemoryStream(bytes))]), FhirParser.Firely));

    [Property(MaxTest = 100)]
    public Property HostileBundle_GivesAResultOrTheDocumentedException_OnBothParsers() =>
        Prop.ForAll(HostileFhir.Bundle().ToArbitrary(), bytes =>
        {
            var path = Path.Combine(_tempDir, Guid.NewGuid().ToString("N") + ".json");
            File.WriteAllBytes(path, bytes);
            return Survives(r => r.ReadJsonFile(path), FhirParser.Utf8) && Survives(r => r.ReadJsonFile(path), FhirParser.Firely);
        });

    [Property(MaxTest = 100)]
    public Property HostileGzip_CutShortOrWithJunk_IsAlwaysMalformed() =>
        Prop.ForAll(HostileFhir.Gzip().ToArbitrary(), input =>
        {
            var (gz, cut, junk) = input;
            byte[] bytes = junk ? [.. gz, .. "junk"u8.ToArray()] : cut > 0 ? gz[..cut] : gz;
            var path = GzipFile(bytes);
            var result = Reader().ReadNdjson([path]);
            bool flagged = result.Quality.Issues.Any(i => i.Code == FhirIssueCode.Malformed && i.FileName == Path.GetFileName(path));
            return Survives(r => r.ReadNdjson([path]), FhirParser.Utf8) && (cut == 0 && !junk || flagged);
        });
}

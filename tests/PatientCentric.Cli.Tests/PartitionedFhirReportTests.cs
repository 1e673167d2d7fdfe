using System.Globalization;
using PatientCentric.Cli.Report;
using PatientCentric.Cli.Sample;

namespace PatientCentric.Cli.Tests;

/// <summary><c>report --fhir</c> on an export over <c>--memory-limit</c>: partitioned by patient, scored partition by
/// partition and merged, with exactly the one-pass output; the temporary folder never outlives the run.</summary>
public sealed class PartitionedFhirReportTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("pc-partitioned-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Temp => Directory.CreateDirectory(Path.Combine(_root, "temp")).FullName;

    private static readonly Lazy<(string Folder, string ObservedAt)> Export = new(() =>
    {
        string folder = Path.Combine(AppContext.BaseDirectory, "tmp-partitioned", "export-" + Guid.NewGuid().ToString("N"));
        var data = SamplePracticeGenerator.Generate(SamplePracticeGenerator.DefaultSeed, 300);
        SampleFhirExport.Write(data, folder);
        // Problems for the data-quality report: an unreadable line, a copy of a resource, a visit of an unknown patient.
        var encounters = Path.Combine(folder, "Encounter.000.ndjson");
        var first = File.ReadLines(encounters).First();
        File.AppendAllLines(encounters, ["{not json", first, first.Replace("\"Patient/", "\"Patient/zz-", StringComparison.Ordinal).Replace("\"id\":\"", "\"id\":\"zz-", StringComparison.Ordinal)]);
        string observedAt = SampleFhirExport.LastSnapshots(data).Select(s => s.TakenAt).Distinct().Single().ToString("O", CultureInfo.InvariantCulture);
        return (folder, observedAt);
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    private static string Key(string root)
    {
        var key = Path.Combine(root, "key.bin");
        File.WriteAllBytes(key, [.. Enumerable.Range(1, 32).Select(i => (byte)i)]);
        return key;
    }

    private (CliRunner.Result Result, string Results, string Quality) Report(string fhir, string outName, CliApp? app, params string[] extra) =>
        Report(fhir, outName, app, CancellationToken.None, extra);

    private (CliRunner.Result Result, string Results, string Quality) Report(string fhir, string outName, CliApp? app, CancellationToken token, params string[] extra)
    {
        string outDir = Path.Combine(_root, outName);
        string[] args = ["report", "--fhir", fhir, "--pseudonym-key-file", Key(_root), "--as-of", "2026-01-15T12:00:00Z", "--format", "json", "--out", outDir, .. extra];
        var output = new StringWriter(CultureInfo.InvariantCulture);
        var error = new StringWriter(CultureInfo.InvariantCulture);
        int code = (app ?? new CliApp(new StringReader(""), output, error)).Run(args, token);
        var result = app is null ? new CliRunner.Result(code, output.ToString(), error.ToString()) : new CliRunner.Result(code, "", "");
        return code == 0
            ? (result, File.ReadAllText(Path.Combine(outDir, "results.json")), File.ReadAllText(Path.Combine(outDir, "data-quality.json")))
            : (result, "", "");
    }

    [Fact]
    public void SampleExport_InManyPartitions_IsByteIdenticalToTheInMemoryRead()
    {
        var (folder, observedAt) = Export.Value;
        string[] common = ["--survey-items", Path.Combine(folder, SampleFhirExport.SurveyItemsFileName), "--slots-observed-at", observedAt];
        var inMemory = Report(folder, "memory", null, common);
        var partitioned = Report(folder, "partitioned", null, [.. common, "--memory-limit", "1MiB", "--workers", "3", "--temp", Temp]);

        Assert.True(inMemory.Result.ExitCode == 0, inMemory.Result.Stderr);
        Assert.True(partitioned.Result.ExitCode == 0, partitioned.Result.Stderr);
        Assert.Contains("read in memory", inMemory.Result.Stderr, StringComparison.Ordinal);
        Assert.Contains("partitions by patient", partitioned.Result.Stderr, StringComparison.Ordinal);
        Assert.Equal(inMemory.Result.Stdout, partitioned.Result.Stdout);
        Assert.Equal(inMemory.Results, partitioned.Results);
        Assert.Equal(inMemory.Quality, partitioned.Quality);
        // The patients' cards and plans come back from the partitions' files into every output, in the same order.
        Assert.Contains("\"supportPlans\": [\n    {", inMemory.Results, StringComparison.Ordinal);
        Assert.Contains("\"patientCards\": [\n    {", inMemory.Results, StringComparison.Ordinal);
        foreach (var file in new[] { "report.html", "measure-reports.ndjson" })
            Assert.True(File.ReadAllBytes(Path.Combine(_root, "memory", file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(_root, "partitioned", file))), file);
        string Table(params string[] extra)
        {
            var output = new StringWriter(CultureInfo.InvariantCulture);
            var error = new StringWriter(CultureInfo.InvariantCulture);
            int code = new CliApp(new StringReader(""), output, error).Run(
                ["report", "--fhir", folder, "--pseudonym-key-file", Key(_root), "--as-of", "2026-01-15T12:00:00Z", "--format", "table", .. common, .. extra], CancellationToken.None);
            Assert.True(code == 0, error.ToString());
            return output.ToString();
        }
        string tableInMemory = Table();
        Assert.Contains("patients have a plan", tableInMemory, StringComparison.Ordinal);
        Assert.Equal(tableInMemory, Table("--memory-limit", "1MiB", "--workers", "2", "--temp", Temp));
        Assert.DoesNotContain("\"missingPatient\": 0,", inMemory.Quality, StringComparison.Ordinal);   // the problems are there to be merged
        Assert.DoesNotContain("\"malformed\": 0,", inMemory.Quality, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Temp));
    }

    [Fact]
    public void PatientOutputs_KeptInMemory_ReadBack_OrStreamedFromDisk_GiveTheSameOutputs()
    {
        var (folder, observedAt) = Export.Value;
        string[] common = ["--survey-items", Path.Combine(folder, SampleFhirExport.SurveyItemsFileName), "--slots-observed-at", observedAt];
        // Just under what the one-pass read needs: the export is partitioned, and its patients' outputs (far smaller than
        // the input) fit a quarter of that limit.
        long input = Directory.EnumerateFiles(folder, "*.ndjson").Sum(f => new FileInfo(f).Length);
        string limit = ((long)(input * CliApp.ExpansionFactor) - 1).ToString(CultureInfo.InvariantCulture);
        var inMemory = Report(folder, "memory", null, common);
        CliApp Quiet(bool spill = false, bool stream = false) => new(new StringReader(""), new StringWriter(CultureInfo.InvariantCulture), new StringWriter(CultureInfo.InvariantCulture))
        {
            SpillPatientOutputs = spill,
            StreamPatientOutputs = stream,
        };
        var cases = new (string Name, CliApp App, CliApp.PatientOutputsPath Expected)[]
        {
            ("kept", Quiet(), CliApp.PatientOutputsPath.Kept),
            ("read-back", Quiet(spill: true), CliApp.PatientOutputsPath.ReadBack),
            ("streamed", Quiet(stream: true), CliApp.PatientOutputsPath.Streamed),
        };
        foreach (var (name, app, expected) in cases)
        {
            var run = Report(folder, name, app, [.. common, "--memory-limit", limit, "--workers", "2", "--temp", Temp]);
            Assert.Equal(0, run.Result.ExitCode);
            Assert.Equal(expected, app.PatientOutputsHeld);
            foreach (var file in new[] { "results.json", "data-quality.json", "report.html", "measure-reports.ndjson" })
                Assert.True(File.ReadAllBytes(Path.Combine(_root, "memory", file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(_root, name, file))), $"{name}: {file}");
        }
        Assert.Contains("\"patientCards\": [\n    {", inMemory.Results, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Temp));
    }

    [Fact]
    public void PatientOutputs_OverTheBudgetPartWay_GoToFilesWithThoseKeptSoFar_WithTheSameOutputs()
    {
        var (folder, observedAt) = Export.Value;
        string[] common = ["--survey-items", Path.Combine(folder, SampleFhirExport.SurveyItemsFileName), "--slots-observed-at", observedAt];
        Report(folder, "memory", null, common);
        // A limit at which the export's size says its patients' outputs fit (a quarter of it holds 0.3 bytes per input
        // byte), and one worker taking the partitions in order; each patient's outputs counted as more bytes, so that the
        // budget fills part-way: the first partitions keep theirs, the rest write them to files, and the kept ones join
        // those files.
        long input = Directory.EnumerateFiles(folder, "*.ndjson").Sum(f => new FileInfo(f).Length);
        string limit = ((long)(input * CliApp.PatientOutputsPerInputByte * 4) + 1).ToString(CultureInfo.InvariantCulture);
        bool partWay = false;
        foreach (long perPatient in new long[] { 2 << 10, 8 << 10, 32 << 10, 128 << 10 })
        {
            var app = new CliApp(new StringReader(""), new StringWriter(CultureInfo.InvariantCulture), new StringWriter(CultureInfo.InvariantCulture))
            {
                KeptPatientOutputBytes = perPatient,
            };
            string name = $"part-way-{perPatient}";
            var run = Report(folder, name, app, [.. common, "--memory-limit", limit, "--workers", "1", "--temp", Temp]);
            Assert.Equal(0, run.Result.ExitCode);
            partWay |= app.PartitionsKeepingPatientOutputs > 0 && app.PatientOutputsHeld != CliApp.PatientOutputsPath.Kept;
            foreach (var file in new[] { "results.json", "data-quality.json", "report.html", "measure-reports.ndjson" })
                Assert.True(File.ReadAllBytes(Path.Combine(_root, "memory", file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(_root, name, file))), $"{name}: {file}");
        }
        Assert.True(partWay, "no run filled the budget part-way");
        Assert.Empty(Directory.EnumerateFileSystemEntries(Temp));
    }

    [Fact]
    public void PatientOutputs_OfAnExportTooLargeToKeepThem_GoToFilesFromTheStart()
    {
        var (folder, _) = Export.Value;
        var app = new CliApp(new StringReader(""), new StringWriter(CultureInfo.InvariantCulture), new StringWriter(CultureInfo.InvariantCulture));
        // 1MiB: a quarter of it is less than 0.3 bytes per input byte.
        var run = Report(folder, "too-large", app, "--memory-limit", "1MiB", "--workers", "2", "--temp", Temp);
        Assert.Equal(0, run.Result.ExitCode);
        Assert.Equal(0, app.PartitionsKeepingPatientOutputs);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Temp));
    }

    [Fact]
    public void PartitionsAreReadOnce_WhenTheVisitDatesAreThePeriod()
    {
        var (folder, observedAt) = Export.Value;
        var r = Report(folder, "once", null, "--survey-items", Path.Combine(folder, SampleFhirExport.SurveyItemsFileName),
            "--slots-observed-at", observedAt, "--memory-limit", "1MiB", "--workers", "2", "--temp", Temp);
        Assert.True(r.Result.ExitCode == 0, r.Result.Stderr);
        Assert.DoesNotContain("scored a second time", r.Result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2001-03-04T10:00:00-06:00", false)]   // an earlier copy than any appointment, superseded by the first read
    [InlineData("2099-03-04T10:00:00-06:00", false)]   // a later one
    [InlineData("2001-03-04T10:00:00-06:00", true)]    // the same with --from/--to: one pass, whatever the dates
    public void VisitDatesBeyondTheStatedPeriod_AreScoredAgain_ExactlyAsTheInMemoryRead(string start, bool explicitPeriod)
    {
        // A second copy of an appointment (no meta.lastUpdated: the first copy read wins) whose start lies outside
        // every other appointment's: the partitioning sees its date, the de-duplicated read does not.
        var (source, observedAt) = Export.Value;
        string folder = Path.Combine(_root, "export");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.EnumerateFiles(source))
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        var appointments = Path.Combine(folder, "Appointment.000.ndjson");
        var first = File.ReadLines(appointments).First();
        int at = first.IndexOf("\"start\":\"", StringComparison.Ordinal) + "\"start\":\"".Length;
        File.AppendAllLines(appointments, [first[..at] + start + first[first.IndexOf('"', at)..]]);
        string[] common = ["--survey-items", Path.Combine(folder, SampleFhirExport.SurveyItemsFileName), "--slots-observed-at", observedAt,
                           .. explicitPeriod ? new[] { "--from", "2025-01-01", "--to", "2025-12-31" } : []];
        var inMemory = Report(folder, "memory", null, common);
        var partitioned = Report(folder, "partitioned", null, [.. common, "--memory-limit", "1MiB", "--workers", "2", "--temp", Temp]);
        Assert.True(inMemory.Result.ExitCode == 0, inMemory.Result.Stderr);
        Assert.True(partitioned.Result.ExitCode == 0, partitioned.Result.Stderr);
        Assert.Equal(!explicitPeriod, partitioned.Result.Stderr.Contains("scored a second time", StringComparison.Ordinal));
        Assert.Equal(inMemory.Result.Stdout, partitioned.Result.Stdout);
        Assert.Equal(inMemory.Results, partitioned.Results);
        Assert.Equal(inMemory.Quality, partitioned.Quality);
        foreach (var file in new[] { "report.html", "measure-reports.ndjson" })
            Assert.True(File.ReadAllBytes(Path.Combine(_root, "memory", file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(_root, "partitioned", file))), file);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Temp));
    }

    [Fact]
    public void ExportWithoutVisits_Partitioned_SaysItStatesNoPeriod()
    {
        var (source, _) = Export.Value;
        string folder = Path.Combine(_root, "export");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.EnumerateFiles(source, "*.ndjson").Where(f => !Path.GetFileName(f).StartsWith("Appointment", StringComparison.Ordinal) && !Path.GetFileName(f).StartsWith("Encounter", StringComparison.Ordinal)))
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        var inMemory = Report(folder, "memory", null);
        var partitioned = Report(folder, "partitioned", null, "--memory-limit", "1MiB", "--workers", "2", "--temp", Temp);
        Assert.Equal(2, partitioned.Result.ExitCode);
        Assert.Equal(2, inMemory.Result.ExitCode);
        string line = Assert.Single(partitioned.Result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.EndsWith("the data set states no period; give --from and --to.", line, StringComparison.Ordinal);
        Assert.Equal(inMemory.Result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last(), line);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Temp));
    }

    [Fact]
    public void SharedBulkExport_Partitioned_IsByteIdenticalToTheInMemoryRead()
    {
        string bulk = Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "data", "fhir", "bulk"));
        if (!Directory.Exists(bulk))
        {
            Assert.Skip($"The shared FHIR data is not at {bulk}.");
            return;
        }
        var inMemory = Report(bulk, "memory", null);
        var partitioned = Report(bulk, "partitioned", null, "--memory-limit", "2MB", "--workers", "2", "--temp", Temp);
        Assert.True(partitioned.Result.ExitCode == 0, partitioned.Result.Stderr);
        Assert.Equal(inMemory.Results, partitioned.Results);
        Assert.Equal(inMemory.Quality, partitioned.Quality);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Temp));
    }

    [Fact]
    public void BadData_Strict_ExitsTwo_AndRemovesTheTemporaryFolder()
    {
        var (folder, _) = Export.Value;
        var r = Report(folder, "strict", null, "--strict", "--memory-limit", "1MiB", "--workers", "2", "--temp", Temp);
        Assert.Equal(2, r.Result.ExitCode);
        string line = Assert.Single(r.Result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("cannot read the FHIR input (FHIR input problem: ", line, StringComparison.Ordinal);
        Assert.Contains("(.ndjson) line ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Encounter.000", line, StringComparison.Ordinal);   // files by number, never by name
        Assert.Empty(Directory.EnumerateFileSystemEntries(Temp));
    }

    [Fact]
    public void UnreadablePartitionFile_ExitsTwo_WithOneClearLine_AndRemovesTheTemporaryFolder()
    {
        var (folder, _) = Export.Value;
        var error = new StringWriter(CultureInfo.InvariantCulture);
        var app = new CliApp(new StringReader(""), new StringWriter(CultureInfo.InvariantCulture), error)
        {
            AfterPartitioning = parts => File.WriteAllText(Path.Combine(parts, "part-00001.ndjson"), "damaged\n"),
        };
        var r = Report(folder, "damaged", app, "--memory-limit", "1MiB", "--workers", "2", "--temp", Temp);
        Assert.Equal(2, r.Result.ExitCode);
        string line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("error: cannot read a temporary partition file of the FHIR input (InvalidDataException); check the free space and permissions of the temporary folder (--temp).", line);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Temp));
    }

    [Theory]
    [InlineData("[\"P-SENTINEL-9\"]\n")]   // a line that is not a patient's outputs
    [InlineData("{\"rank\":{\"category\":0,")]   // truncated
    public void UnreadablePatientOutputsFile_ExitsTwo_WithOneClearLine_AndRemovesTheTemporaryFolder(string damage)
    {
        var (folder, _) = Export.Value;
        var error = new StringWriter(CultureInfo.InvariantCulture);
        string? parts = null;
        var app = new CliApp(new StringReader(""), new StringWriter(CultureInfo.InvariantCulture), error)
        {
            AfterPartitioning = p => parts = p,
            // The partitions are scored and their patients' outputs written; damage one file before it is read back.
            Progress = new OnFirstWrite(() => File.WriteAllText(Path.Combine(parts!, "patients-00001.ndjson"), damage)),
            StreamPatientOutputs = true,   // read back by each output as it is written
        };
        var r = Report(folder, "damaged-patients", app, "--memory-limit", "1MiB", "--workers", "2", "--temp", Temp);
        Assert.Equal(2, r.Result.ExitCode);
        // After the input's summary (the read went well), one error line, without the damaged file's content.
        string line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.DoesNotContain("SENTINEL", error.ToString(), StringComparison.Ordinal);
        Assert.Equal("error: cannot read back a temporary file of the patients' outputs (PatientCentricDataException); check the free space and permissions of the temporary folder (--temp).", line);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Temp));
        Assert.False(File.Exists(Path.Combine(_root, "damaged-patients", "results.json")));
    }

    [Theory]
    [InlineData("[\"P-SENTINEL-9\"]\n")]
    [InlineData("{\"rank\":{\"category\":0,")]
    public void UnreadablePatientOutputsFile_ReadBackIntoMemory_ExitsTwo_WithTheSameLine(string damage)
    {
        var (folder, _) = Export.Value;
        var error = new StringWriter(CultureInfo.InvariantCulture);
        var app = new CliApp(new StringReader(""), new StringWriter(CultureInfo.InvariantCulture), error)
        {
            // The outputs of so small an export fit the limit: written to files, one is damaged before they are read back
            // into memory.
            BeforeFinishingPartitions = parts => File.WriteAllText(Path.Combine(parts, "patients-00001.ndjson"), damage),
            SpillPatientOutputs = true,
        };
        var r = Report(folder, "damaged-loaded", app, "--memory-limit", "1MiB", "--workers", "2", "--temp", Temp);
        Assert.Equal(2, r.Result.ExitCode);
        Assert.NotEqual(CliApp.PatientOutputsPath.ReadBack, app.PatientOutputsHeld);
        string line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.DoesNotContain("SENTINEL", error.ToString(), StringComparison.Ordinal);
        Assert.Equal("error: cannot read back a temporary file of the patients' outputs (PatientCentricDataException); check the free space and permissions of the temporary folder (--temp).", line);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Temp));
    }

    [Theory]
    [InlineData("[\"S-SENTINEL-9\"]\n")]   // a line that is not a coded survey row
    [InlineData("{\"returnedOn\":\"2025-")]   // truncated
    public void UnreadableSurveyRowsFile_ExitsTwo_WithTheLineOfADamagedPatientsFile_AndRemovesTheTemporaryFolder(string damage)
    {
        var (folder, _) = Export.Value;
        var error = new StringWriter(CultureInfo.InvariantCulture);
        var app = new CliApp(new StringReader(""), new StringWriter(CultureInfo.InvariantCulture), error)
        {
            // The partitions are scored and their survey rows written; damage one file before the rows are read back.
            BeforeFinishingPartitions = parts =>
            {
                Assert.True(new FileInfo(Path.Combine(parts, "survey-rows-00001.ndjson")).Length > 0);
                File.WriteAllText(Path.Combine(parts, "survey-rows-00001.ndjson"), damage);
            },
        };
        var r = Report(folder, "damaged-rows", app, "--survey-items", Path.Combine(folder, SampleFhirExport.SurveyItemsFileName),
            "--memory-limit", "1MiB", "--workers", "2", "--temp", Temp);
        Assert.Equal(2, r.Result.ExitCode);
        string line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.DoesNotContain("SENTINEL", error.ToString(), StringComparison.Ordinal);
        Assert.Equal("error: cannot read back a temporary file of the patients' outputs (PatientCentricDataException); check the free space and permissions of the temporary folder (--temp).", line);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Temp));
        Assert.False(File.Exists(Path.Combine(_root, "damaged-rows", "results.json")));
    }

    private sealed class OnFirstWrite(Action action) : IProgress<ReportProgress>
    {
        private bool _done;

        public void Report(ReportProgress value)
        {
            if (value.Phase == ReportPhase.Write && !_done)
            {
                _done = true;
                action();
            }
        }
    }

    [Fact]
    public void Cancellation_ExitsOneThirty_AndRemovesTheTemporaryFolder()
    {
        var (folder, _) = Export.Value;
        using var cancel = new CancellationTokenSource();
        var error = new StringWriter(CultureInfo.InvariantCulture);
        var app = new CliApp(new StringReader(""), new StringWriter(CultureInfo.InvariantCulture), error)
        {
            AfterPartitioning = parts =>
            {
                Assert.NotEmpty(Directory.EnumerateFiles(parts));   // the partitions were written, then Ctrl-C
                cancel.Cancel();
            },
        };
        var r = Report(folder, "cancelled", app, cancel.Token, "--memory-limit", "1MiB", "--workers", "2", "--temp", Temp);
        Assert.Equal(CliApp.Cancelled, r.Result.ExitCode);
        Assert.Contains("cancelled", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Temp));
        Assert.False(Directory.Exists(Path.Combine(_root, "cancelled")));
    }

    [Theory]
    [InlineData(1_076_000_000L, 1L << 30, 2, 6)]    // the 50,000-patient sample export: 5 partitions would leave a worker idle in round 3
    [InlineData(900_000_000L, 1L << 30, 2, 4)]      // two rounds of two, each pair within half the limit
    [InlineData(500_000_000L, 1L << 30, 2, 2)]      // one round
    [InlineData(2_500_000_000L, 1_000_000_000L, 1, 5)]
    [InlineData(2_500_000_000L, 1_000_000_000L, 2, 10)]
    [InlineData(1_000L, 1L << 30, 3, 3)]            // at least one per worker
    [InlineData(long.MaxValue / 2, 1L << 20, 2, 4096)]
    public void PartitionCount_FitsTheLimit_InWholeRoundsOfTheWorkers(long needed, long limit, int workers, int expected) =>
        Assert.Equal(expected, CliApp.PartitionCount(needed, limit, workers));

    [Theory]
    [InlineData("64MB", 64_000_000L)]
    [InlineData("512MB", 512_000_000L)]
    [InlineData("2GB", 2_000_000_000L)]
    [InlineData("2gb", 2_000_000_000L)]
    [InlineData("64KiB", 65_536L)]
    [InlineData("512MiB", 536_870_912L)]
    [InlineData("1.5GiB", 1_610_612_736L)]
    [InlineData(" 3 GiB ", 3_221_225_472L)]
    [InlineData("1048576", 1_048_576L)]
    public void TryParseSize_ReadsDecimalAndBinaryUnits(string text, long bytes)
    {
        Assert.True(CliApp.TryParseSize(text, out long parsed));
        Assert.Equal(bytes, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("MB")]
    [InlineData("-5MB")]
    [InlineData("5XB")]
    [InlineData("0")]
    [InlineData("99999999999TB")]
    public void TryParseSize_RefusesWhatIsNotASize(string text) => Assert.False(CliApp.TryParseSize(text, out _));

    [Theory]
    [InlineData("--memory-limit", "lots", "error: --memory-limit: not a size of at least 1MiB such as 64MB, 512MiB or 2GB.")]
    [InlineData("--memory-limit", "100KB", "error: --memory-limit: not a size of at least 1MiB such as 64MB, 512MiB or 2GB.")]
    [InlineData("--workers", "0", "error: --workers: must be a whole number from 1 to 1,024.")]
    public void BadSetting_ExitsTwo_WithOneLine(string option, string value, string expected)
    {
        var (folder, _) = Export.Value;
        var r = CliRunner.Run("report", "--fhir", folder, option, value);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Stdout);
        Assert.Equal(expected, Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public void PartitionSettings_WithoutFhir_ExitTwo()
    {
        var r = CliRunner.Run("report", "--memory-limit", "64MB");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("error: --memory-limit applies to --fhir input only.", r.Stderr.Trim());
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PatientCentric.sln")))
                return dir.FullName;
        throw new InvalidOperationException("The repository root (PatientCentric.sln) was not found above the test binaries.");
    }
}

using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PatientCentric.Cli.Report;
using PatientCentric.Cli.Sample;
using PatientCentric.Scoring;
using PatientCentric.Serialization;

namespace PatientCentric.Cli.Tests;

/// <summary><c>report</c>'s outputs streamed to temporary files renamed at the end, its progress, and its cancellation
/// (exit 130, no output file of the run kept), driven through the app's test hooks rather than real signals.</summary>
public sealed class ReportStreamingTests
{
    private const string AsOf = "2026-01-15T12:00:00Z";
    private const string CancelledLine = "cancelled: the run stopped before the end; no output file of this run was kept.";

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>The bundled sample's report JSON as the CLI built it before streaming: one string, serialized whole.</summary>
    private static string StringSerialization()
    {
        using var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(new FixedTime(DateTimeOffset.Parse(AsOf, System.Globalization.CultureInfo.InvariantCulture)))
            .AddPatientCentric()
            .BuildServiceProvider();
        var data = SampleData.Load();
        var evaluation = MeasureFamilies.WithNotApplicableFamilies(services.GetRequiredService<PracticeEvaluator>().Evaluate(data), data);
        var options = new JsonSerializerOptions(PatientCentricJsonContext.Default.Options) { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        return JsonSerializer.Serialize(evaluation, new PatientCentricJsonContext(options).PracticeEvaluation);
    }

    private static string NewDir() => Path.Combine(Path.GetTempPath(), $"pc-stream-{Guid.NewGuid():N}");

    [Fact]
    public void StreamedJson_OnStdoutAndInResultsJson_IsByteForByteTheWholeStringSerialization()
    {
        string expected = StringSerialization();
        Assert.True(expected.Length > 1 << 20, "large enough to be written in many buffers");
        Assert.Contains(expected, c => c > 127);   // a character of several bytes crosses some buffer boundary or not: both work
        string dir = NewDir();
        try
        {
            var r = CliRunner.Run("report", "--format", "json", "--as-of", AsOf, "--out", dir);
            Assert.True(r.ExitCode == 0, r.Stderr);
            Assert.Equal(expected + Environment.NewLine, r.Stdout);
            Assert.Equal(new UTF8Encoding(false).GetBytes(expected + "\n"), File.ReadAllBytes(Path.Combine(dir, "results.json")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void HtmlRenderedToAWriter_IsTheRenderedString()
    {
        var r = HtmlReportOutput.Result;
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(new FixedTime(DateTimeOffset.Parse(AsOf, System.Globalization.CultureInfo.InvariantCulture)))
            .AddPatientCentric()
            .BuildServiceProvider();
        var data = SampleData.Load();
        var evaluation = MeasureFamilies.WithNotApplicableFamilies(
            services.GetRequiredService<PracticeEvaluator>().Evaluate(data, cancellationToken: TestContext.Current.CancellationToken), data);
        string whole = HtmlReport.Render(evaluation, data, SampleData.DisplayName);
        Assert.Equal(whole, HtmlReportOutput.Html);
    }

    private sealed class Recorder(Func<ReportProgress, bool> cancelWhen, CancellationTokenSource cancel) : IProgress<ReportProgress>
    {
        public List<ReportProgress> Seen { get; } = [];

        public void Report(ReportProgress value)
        {
            Seen.Add(value);
            if (cancelWhen(value))
                cancel.Cancel();
        }
    }

    private static (int Code, string Stdout, string Stderr, List<ReportProgress> Seen) RunReport(Func<ReportProgress, bool> cancelWhen, params string[] args)
    {
        using var cancel = new CancellationTokenSource();
        var recorder = new Recorder(cancelWhen, cancel);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = new CliApp(TextReader.Null, stdout, stderr) { Progress = recorder }.Run(args, cancel.Token);
        return (code, stdout.ToString(), stderr.ToString(), recorder.Seen);
    }

    [Fact]
    public void Progress_ReportsReadScoreAndEachOutputInOrder_WithGrowingByteCounts()
    {
        string dir = NewDir();
        try
        {
            var r = RunReport(_ => false, "report", "--as-of", AsOf, "--out", dir);
            Assert.True(r.Code == 0, r.Stderr);
            Assert.Equal(ReportPhase.Read, r.Seen[0].Phase);
            Assert.Equal(ReportPhase.Score, r.Seen[1].Phase);
            // The write phase starts with no output named; the outputs are then written concurrently, in any order.
            Assert.Equal(new ReportProgress(ReportPhase.Write), r.Seen[2]);
            Assert.Equal(["measure-reports.ndjson", "report.html", "results.json"], r.Seen.Skip(3).Select(p => p.Output).Distinct().Order(StringComparer.Ordinal));
            Assert.All(r.Seen.Skip(2), p => Assert.Equal(ReportPhase.Write, p.Phase));
            foreach (var output in r.Seen.Skip(3).GroupBy(p => p.Output))
            {
                var counts = output.Select(p => p.Bytes).ToList();
                Assert.Equal(counts.Order(), counts);
                Assert.Equal(new FileInfo(Path.Combine(dir, output.Key!)).Length, counts[^1]);
            }
            Assert.Empty(Directory.EnumerateFiles(dir, "*.partial"));
            Assert.Empty(Directory.EnumerateFiles(dir, ".*"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    public static TheoryData<string> CancelPoints() => ["read", "score", "report.html", "results.json", "measure-reports.ndjson"];

    [Theory]
    [MemberData(nameof(CancelPoints))]
    public void Cancelled_Exits130WithOneLine_AndLeavesTheFolderAsItWas(string point)
    {
        string dir = NewDir();
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "report.html"), "an earlier run's report");
        try
        {
            var r = RunReport(p => point switch
            {
                "read" => p.Phase == ReportPhase.Read,
                "score" => p.Phase == ReportPhase.Score,
                _ => p.Phase == ReportPhase.Write && p.Output == point,   // after its first buffer is written
            }, "report", "--as-of", AsOf, "--out", dir);

            Assert.Equal(130, r.Code);
            Assert.Equal("", r.Stdout);
            Assert.Equal(CancelledLine + Environment.NewLine, r.Stderr);
            Assert.Equal(["report.html"], Directory.EnumerateFileSystemEntries(dir).Select(Path.GetFileName));
            Assert.Equal("an earlier run's report", File.ReadAllText(Path.Combine(dir, "report.html")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void CancelledWhileStreamingJsonToStdout_Exits130()
    {
        var r = RunReport(p => p.Output == "standard output", "report", "--format", "json", "--as-of", AsOf);
        Assert.Equal(130, r.Code);
        Assert.Equal(CancelledLine + Environment.NewLine, r.Stderr);
        Assert.True(r.Stdout.Length < 1 << 20, "stopped before the end of the document");
    }

    [Fact]
    public void ATokenCancelledBeforeTheRun_StopsIt_WithNothingWritten()
    {
        string dir = NewDir();
        var output = new StringWriter();
        var error = new StringWriter();
        int code = new CliApp(TextReader.Null, output, error).Run(["report", "--as-of", AsOf, "--out", dir], new CancellationToken(canceled: true));
        Assert.Equal(130, code);
        Assert.Equal("", output.ToString());
        Assert.Equal(CancelledLine + Environment.NewLine, error.ToString());
        Assert.False(Directory.Exists(dir));
    }

    /// <summary>Fails one output's writes (as a full disk would) while the other outputs are written.</summary>
    private sealed class FailingOutput(string output) : IProgress<ReportProgress>
    {
        public List<ReportProgress> Seen { get; } = [];

        public void Report(ReportProgress value)
        {
            Seen.Add(value);
            if (value.Output == output)
                throw new IOException("no space left on the device");
        }
    }

    [Theory]
    [InlineData("report.html")]
    [InlineData("results.json")]
    [InlineData("measure-reports.ndjson")]
    public void AWriterThatFails_WhileTheOthersRun_StopsTheRun_AndLeavesTheFolderAsItWas(string failing)
    {
        string dir = NewDir();
        Directory.CreateDirectory(dir);
        string[] earlier = ["report.html", "results.json", "measure-reports.ndjson"];
        foreach (var name in earlier)
            File.WriteAllText(Path.Combine(dir, name), $"an earlier run's {name}");
        try
        {
            var progress = new FailingOutput(failing);
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            int code = new CliApp(TextReader.Null, stdout, stderr) { Progress = progress }
                .Run(["report", "--as-of", AsOf, "--out", dir], TestContext.Current.CancellationToken);

            Assert.Equal(2, code);
            Assert.Equal($"error: {dir}: cannot write the report (IOException)." + Environment.NewLine, stderr.ToString());
            Assert.Equal("", stdout.ToString());
            Assert.Contains(progress.Seen, p => p.Output == failing);
            Assert.Equal(earlier.Order(StringComparer.Ordinal), Directory.EnumerateFileSystemEntries(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            foreach (var name in earlier)
                Assert.Equal($"an earlier run's {name}", File.ReadAllText(Path.Combine(dir, name)));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void AFailedWrite_LeavesNoTemporaryFile()
    {
        string dir = NewDir();
        Directory.CreateDirectory(Path.Combine(dir, "results.json"));   // a folder where a file must go: the rename fails
        try
        {
            var r = CliRunner.Run("report", "--as-of", AsOf, "--out", dir);
            Assert.Equal(2, r.ExitCode);
            Assert.StartsWith($"error: {dir}: cannot write the report (", r.Stderr, StringComparison.Ordinal);
            Assert.Empty(Directory.EnumerateFiles(dir, "*.partial"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}

using System.Text.Json;
using PatientCentric.Cli.Report;
using PatientCentric.Cli.Sample;
using PatientCentric.Peers;

namespace PatientCentric.Cli.Tests;

/// <summary><c>sample --practices K</c> and <c>report --practices DIR</c> (docs/peers.md): every practice scored, ranks
/// and the five-peer rule, unreadable folders as report lines, exit codes, and each practice's results identical to
/// scoring it alone with <c>report --input</c>.</summary>
public sealed class PracticesReportTests(PracticesReportTests.SixPracticesFixture six) : IClassFixture<PracticesReportTests.SixPracticesFixture>, IDisposable
{
    private const string AsOf = "2026-01-15T12:00:00Z";
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"pc-practices-test-{Guid.NewGuid():N}");

    /// <summary>Six small practices (300 patients before each practice's own volume factor), written once for the class.</summary>
    public sealed class SixPracticesFixture : IDisposable
    {
        public string Folder { get; } = Path.Combine(Path.GetTempPath(), $"pc-practices-{Guid.NewGuid():N}");

        public SixPracticesFixture()
        {
            var r = CliRunner.Run("sample", "--practices", "6", "--patients", "300", "--out", Folder);
            Assert.True(r.ExitCode == 0, r.Stderr);
        }

        public void Dispose() => Directory.Delete(Folder, recursive: true);
    }

    private string SixPractices => six.Folder;

    public void Dispose()
    {
        if (Directory.Exists(_dir))
            Directory.Delete(_dir, recursive: true);
    }

    /// <summary>A folder holding copies of the first <paramref name="count"/> sample practices.</summary>
    private string CopyPractices(int count)
    {
        foreach (int i in Enumerable.Range(1, count))
        {
            string folder = $"practice-{i:00}";
            Directory.CreateDirectory(Path.Combine(_dir, "in", folder));
            File.Copy(Path.Combine(SixPractices, folder, "practice.json"), Path.Combine(_dir, "in", folder, "practice.json"));
        }
        return Path.Combine(_dir, "in");
    }

    private static JsonElement Json(CliRunner.Result r)
    {
        Assert.True(r.ExitCode == 0, r.Stderr);
        return JsonDocument.Parse(r.Stdout).RootElement.Clone();
    }

    [Fact]
    public void Sample_WritesOneDataSetPerPractice_EachWithItsOwnCharacter()
    {
        var folders = Directory.GetDirectories(SixPractices).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(Enumerable.Range(1, 6).Select(i => $"practice-{i:00}"), folders);
        var data = Enumerable.Range(1, 6).Select(i =>
        {
            using var stream = File.OpenRead(Path.Combine(SixPractices, $"practice-{i:00}", "practice.json"));
            return Serialization.PracticeDataSetReader.Read(stream, "practice.json");
        }).ToList();
        Assert.Equal(6, data.Select(d => d.PracticeName).Distinct().Count());
        Assert.Equal(6, data.Select(d => d.Appointments.Length).Distinct().Count());   // volumes differ
        var noShow = data.Select(d => d.Appointments.Count(a => a.Outcome == Records.AppointmentOutcome.NoShow) / (double)d.Appointments.Length).ToList();
        Assert.True(noShow.Max() - noShow.Min() > 0.03, string.Join(", ", noShow));   // and so do operating characteristics
    }

    [Fact]
    public void PracticeCharacter_DependsOnTheIndexOnly_AndTheDefaultIsTheBundledSample()
    {
        Assert.Equal(PracticeCharacter.For(3), PracticeCharacter.For(3));
        Assert.NotEqual(PracticeCharacter.For(3), PracticeCharacter.For(4));
        Assert.Equal(CliApp.SampleJson(SamplePracticeGenerator.Generate(7, 50)),
                     CliApp.SampleJson(SamplePracticeGenerator.Generate(7, 50, PracticeCharacter.Default)));
    }

    [Fact]
    public void HeadlineMeasures_AreTheHtmlReportsHeadlineCards() =>
        Assert.Equal(HtmlReport.HeadlineMeasureKeys, PeerComparison.HeadlineMeasures);

    [Fact]
    public void Report_SixPractices_ScoresEveryPractice_RanksEveryHeadlineMeasure_AndMatchesEachPracticeScoredAlone()
    {
        string output = Path.Combine(_dir, "out");
        var r = CliRunner.Run("report", "--practices", SixPractices, "--as-of", AsOf, "--format", "json", "--out", output);
        var json = Json(r);

        Assert.Equal(6, json.GetProperty("practicesScored").GetInt32());
        Assert.Equal(0, json.GetProperty("practicesNotScored").GetInt32());
        Assert.Equal("2026-01-15T12:00:00Z", json.GetProperty("asOf").GetString());
        var peers = json.GetProperty("peerComparison");
        Assert.Equal(PeerComparison.Purpose, peers.GetProperty("purpose").GetString());
        Assert.Equal(6, peers.GetProperty("practices").GetArrayLength());
        foreach (var practice in peers.GetProperty("practices").EnumerateArray())
        {
            var measures = practice.GetProperty("measures").EnumerateArray().ToList();
            Assert.Equal(PeerComparison.HeadlineMeasures, measures.Select(m => m.GetProperty("measureKey").GetString()));
            Assert.All(measures, m =>
            {
                Assert.Equal("ranked", m.GetProperty("status").GetString());
                Assert.Equal(5, m.GetProperty("peerCount").GetInt32());
                Assert.InRange(m.GetProperty("percentileRank").GetDouble(), 0.0, 100.0);
                Assert.True(m.GetProperty("peerQ1").GetDouble() <= m.GetProperty("peerMedian").GetDouble());
                Assert.True(m.GetProperty("peerMedian").GetDouble() <= m.GetProperty("peerQ3").GetDouble());
            });
        }

        // results.json is the JSON output; each practice's folder holds exactly what report --input writes for it alone.
        Assert.Equal(r.Stdout, File.ReadAllText(Path.Combine(output, "results.json")));
        foreach (int i in Enumerable.Range(1, 6))
        {
            string folder = $"practice-{i:00}";
            var alone = CliRunner.Run("report", "--input", Path.Combine(SixPractices, folder, "practice.json"), "--as-of", AsOf, "--format", "json");
            Assert.True(alone.ExitCode == 0, alone.Stderr);
            Assert.True(alone.Stdout == File.ReadAllText(Path.Combine(output, folder, "results.json")), $"{folder}/results.json differs from report --input");
            Assert.True(File.Exists(Path.Combine(output, folder, "report.html")));
            Assert.True(File.Exists(Path.Combine(output, folder, "measure-reports.ndjson")));
        }

        string html = File.ReadAllText(Path.Combine(output, "report.html"));
        Assert.Contains(System.Net.WebUtility.HtmlEncode(PeerComparison.Purpose), html, StringComparison.Ordinal);
        Assert.Contains("href=\"practice-03/report.html\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"peers-practice-06\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Report_OneWorkerOrMany_GivesTheSameResult()
    {
        var one = CliRunner.Run("report", "--practices", SixPractices, "--as-of", AsOf, "--format", "json", "--workers", "1");
        var many = CliRunner.Run("report", "--practices", SixPractices, "--as-of", AsOf, "--format", "json", "--workers", "6");
        Assert.True(one.ExitCode == 0, one.Stderr);
        Assert.Equal(one.Stdout, many.Stdout);
    }

    [Fact]
    public void Report_FourPractices_SaysFewerThanFivePeers_InsteadOfRanking()
    {
        var r = CliRunner.Run("report", "--practices", CopyPractices(4), "--as-of", AsOf);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("fewer than 5 peers with a value: not ranked", r.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("peer median (", r.Stdout, StringComparison.Ordinal);
        Assert.Contains(PeerComparison.Purpose, r.Stdout, StringComparison.Ordinal);

        var json = Json(CliRunner.Run("report", "--practices", Path.Combine(_dir, "in"), "--as-of", AsOf, "--format", "json"));
        var measures = json.GetProperty("peerComparison").GetProperty("practices").EnumerateArray().SelectMany(p => p.GetProperty("measures").EnumerateArray()).ToList();
        Assert.Equal(4 * PeerComparison.HeadlineMeasures.Length, measures.Count);
        Assert.All(measures, m =>
        {
            Assert.Equal("tooFewPeers", m.GetProperty("status").GetString());
            Assert.Equal(JsonValueKind.Null, m.GetProperty("percentileRank").ValueKind);
            Assert.Equal(JsonValueKind.Null, m.GetProperty("peerMedian").ValueKind);
            Assert.Equal("Fewer than 5 other practices have a value for this measure, so it is not ranked.", m.GetProperty("statusReason").GetString());
        });
    }

    [Fact]
    public void Report_EmptyAndGarbageFolders_AreReportLines_NotCrashes()
    {
        string root = CopyPractices(2);
        Directory.CreateDirectory(Path.Combine(root, "empty"));
        Directory.CreateDirectory(Path.Combine(root, "garbage"));
        File.WriteAllText(Path.Combine(root, "garbage", "data.json"), "{\"schemaVersion\": ");
        Directory.CreateDirectory(Path.Combine(root, "no-records"));
        File.WriteAllText(Path.Combine(root, "no-records", "data.json"),
            """{"schemaVersion":1,"practiceName":"Empty","timeZone":"UTC","period":{"start":"2025-01-01","end":"2025-12-31"},"serviceLines":[],"appointments":[],"surveyItems":[],"surveyReturns":[],"medicationFills":[],"referrals":[],"claims":[]}""");

        var r = CliRunner.Run("report", "--practices", root, "--as-of", AsOf);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("practice empty: nothing to score: the folder holds no JSON data set (.json) and no FHIR files (.json, .ndjson, .ndjson.gz).", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("practice garbage: nothing to score: PC01", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("practice no-records: nothing to score: no measure has a value for the practice", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("practice-02 — ", r.Stdout, StringComparison.Ordinal);

        var json = Json(CliRunner.Run("report", "--practices", root, "--as-of", AsOf, "--format", "json"));
        var practices = json.GetProperty("practices").EnumerateArray().ToDictionary(p => p.GetProperty("folder").GetString()!);
        Assert.False(practices["garbage"].GetProperty("scored").GetBoolean());
        Assert.StartsWith("nothing to score: PC01", practices["garbage"].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("none", practices["empty"].GetProperty("input").GetString());
        Assert.Equal("jsonDataSet", practices["practice-01"].GetProperty("input").GetString());
        Assert.Equal(2, json.GetProperty("peerComparison").GetProperty("practices").GetArrayLength());
    }

    [Fact]
    public void Report_NothingScorableAnywhere_ExitsTwo_WithEachPracticesLine()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "a"));
        Directory.CreateDirectory(Path.Combine(_dir, "b"));
        File.WriteAllText(Path.Combine(_dir, "b", "x.json"), "not json");
        var r = CliRunner.Run("report", "--practices", _dir, "--as-of", AsOf);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Stdout);
        var lines = r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("error: ", lines[0], StringComparison.Ordinal);
        Assert.EndsWith("no practice folder has anything to score:", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("  practice a: nothing to score: ", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("  practice b: nothing to score: PC0100 x.json line 1", lines[2], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--workers", "0")]
    [InlineData("--input", "x.json")]
    [InlineData("--explain", null)]
    [InlineData("--as-of", "2026-01-15T12:00:00")]
    [InlineData("--from", "2025-01-01")]
    public void Report_PracticesWithABadOption_ExitsTwo(string option, string? value)
    {
        var r = CliRunner.Run(["report", "--practices", SixPractices, option, .. value is null ? Array.Empty<string>() : [value]]);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Stdout);
        Assert.StartsWith("error: ", Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    [Fact]
    public void Report_MissingOrEmptyPracticesFolder_OrWorkersAlone_ExitsTwo()
    {
        Assert.Equal(2, CliRunner.Run("report", "--practices", Path.Combine(_dir, "missing")).ExitCode);
        Directory.CreateDirectory(_dir);
        var empty = CliRunner.Run("report", "--practices", _dir);
        Assert.Equal(2, empty.ExitCode);
        Assert.Contains("no practice sub-folders", empty.Stderr, StringComparison.Ordinal);
        Assert.Equal("error: --workers applies to --practices only.\n", CliRunner.Run("report", "--workers", "2").Stderr.ReplaceLineEndings("\n"));
        Assert.Equal(2, CliRunner.Run("sample", "--practices", "3").ExitCode);
    }

    [Fact]
    public void Report_AFhirExportFolder_IsScoredAsAPracticeAmongJsonDataSets()
    {
        string root = CopyPractices(5);
        var s = CliRunner.Run("sample", "--practices", "1", "--patients", "200", "--fhir-out", Path.Combine(_dir, "fhir"));
        Assert.True(s.ExitCode == 0, s.Stderr);
        Directory.Move(Path.Combine(_dir, "fhir", "practice-01"), Path.Combine(root, "z-fhir"));

        var json = Json(CliRunner.Run("report", "--practices", root, "--as-of", AsOf, "--format", "json", "--time-zone", "America/Chicago"));
        var fhir = json.GetProperty("practices").EnumerateArray().Single(p => p.GetProperty("folder").GetString() == "z-fhir");
        Assert.True(fhir.GetProperty("scored").GetBoolean(), fhir.ToString());
        Assert.Equal("fhir", fhir.GetProperty("input").GetString());
        Assert.Equal("z-fhir", fhir.GetProperty("practiceName").GetString());
        var nps = json.GetProperty("peerComparison").GetProperty("practices").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "z-fhir")
            .GetProperty("measures").EnumerateArray().Single(m => m.GetProperty("measureKey").GetString() == "nps:recommend");
        Assert.Equal("ranked", nps.GetProperty("status").GetString());   // the survey items beside the NDJSON files were read
    }
}

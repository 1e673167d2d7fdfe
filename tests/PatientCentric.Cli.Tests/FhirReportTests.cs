using Hl7.Fhir.Serialization;
using Hl7.Fhir.Validation;
using System.Text.Json;

namespace PatientCentric.Cli.Tests;

/// <summary><c>report --fhir</c> on the FHIR test subset (from ../shared/data/fhir, see FhirData/NOTICE.md).</summary>
public sealed class FhirReportTests
{
    private const string AsOf = "2026-01-15T12:00:00Z";

    private static string Data(string name) => Path.Combine(AppContext.BaseDirectory, "FhirData", name);

    [Fact]
    public void Report_FhirExamplesFolder_ScoresAndCountsTheProblemsOnStandardError()
    {
        var r = CliRunner.Run("report", "--fhir", Data("hl7-examples"), "--as-of", AsOf);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("PatientCentric report — FHIR practice", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("Period 2013-12-09..2015-01-17", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("Service line: Home health", r.Stdout, StringComparison.Ordinal);
        Assert.StartsWith("FHIR input: 88 resources read, 0 duplicates replaced, 23 of unused types ignored, 10 problems;", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("MissingField: 8 (first: MissingField Claim-100150.json line 0, Claim.total)", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("MissingPatient: 2", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_FhirNdjsonFolder_Json_KeepsStandardOutputOneDocument_AndNamesNoPatient()
    {
        var r = CliRunner.Run("report", "--fhir", Data("bulk"), "--format", "json", "--as-of", AsOf);
        Assert.True(r.ExitCode == 0, r.Stderr);
        var root = JsonDocument.Parse(r.Stdout).RootElement;
        Assert.NotEmpty(root.GetProperty("cards").EnumerateArray());
        Assert.Contains("appointments with unknown booking instant", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("left out of lead-time", r.Stderr, StringComparison.Ordinal);
        // Bulk data has Encounters but no Appointment: lead time cannot be measured, and says so instead of showing 0 days.
        var leadTime = root.GetProperty("cards").EnumerateArray().First(c => c.GetProperty("measureKey").GetString() == "lead-time");
        Assert.Equal("NotApplicable", leadTime.GetProperty("status").GetString());
        Assert.False(leadTime.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.Number);
        // Nor can no-shows: an Encounter is a visit that happened. NotApplicable, not 0 %.
        foreach (string key in new[] { "no-show-rate", "same-day-cancellation-rate", "missed-appointment-rate" })
            Assert.Equal("NotApplicable", root.GetProperty("cards").EnumerateArray().First(c => c.GetProperty("measureKey").GetString() == key).GetProperty("status").GetString());
        // FHIR logical ids of the patients must not leak: only keyed pseudonyms ("P-...") are used.
        foreach (string line in File.ReadLines(Data(Path.Combine("bulk", "Patient.000.ndjson"))))
        {
            string id = JsonDocument.Parse(line).RootElement.GetProperty("id").GetString()!;
            Assert.DoesNotContain(id, r.Stdout, StringComparison.Ordinal);
            Assert.DoesNotContain(id, r.Stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Report_FhirSingleBundleFile_Reads()
    {
        string file = Directory.EnumerateFiles(Data("synthea"), "*.json").Single();
        var r = CliRunner.Run("report", "--fhir", file, "--as-of", AsOf);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("Data read:", r.Stdout, StringComparison.Ordinal);
        // Synthea names its files after the patient: the path the user gave is echoed as the source, nothing else names them.
        Assert.DoesNotContain("Eboni", (r.Stdout + r.Stderr).Replace(Path.GetFullPath(file), "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Report_FhirWithOut_WritesTheThreeFiles_AndEveryMeasureReportValidates()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"pc-fhir-{Guid.NewGuid():N}");
        try
        {
            var r = CliRunner.Run("report", "--fhir", Data("hl7-examples"), "--as-of", AsOf, "--out", dir);
            Assert.True(r.ExitCode == 0, r.Stderr);
            foreach (string f in new[] { "report.html", "results.json", "measure-reports.ndjson" })
                Assert.True(File.Exists(Path.Combine(dir, f)), f);
            Assert.Contains("Wrote the FHIR MeasureReports to", r.Stdout, StringComparison.Ordinal);
            var parser = new FhirJsonDeserializer();
            int measures = 0, reports = 0;
            foreach (string line in File.ReadLines(Path.Combine(dir, "measure-reports.ndjson")))
            {
                var resource = parser.DeserializeResource(line);
                Assert.Empty(resource.Validate());
                if (resource is Hl7.Fhir.Model.Measure) measures++;
                if (resource is Hl7.Fhir.Model.MeasureReport) reports++;
            }
            Assert.True(measures > 0 && reports > measures, $"{measures} measures, {reports} reports");
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Report_FhirStrict_StopsAtTheFirstProblem_NamingFileAndLineOnly()
    {
        var r = CliRunner.Run("report", "--fhir", Data("hl7-examples"), "--strict");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Stdout);
        Assert.Contains("cannot read the FHIR input (FHIR input problem: ", r.Stderr, StringComparison.Ordinal);
        Assert.Contains(".json line 0", r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_FhirWithAKeyFile_IsReproducible_AndTheKeyDecidesThePseudonyms()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"pc-key-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            string keyA = Path.Combine(dir, "a.key"), keyB = Path.Combine(dir, "b.key"), tooShort = Path.Combine(dir, "short.key");
            File.WriteAllBytes(keyA, [.. Enumerable.Range(1, 32).Select(i => (byte)i)]);
            File.WriteAllBytes(keyB, [.. Enumerable.Range(101, 32).Select(i => (byte)i)]);
            File.WriteAllBytes(tooShort, [1, 2, 3]);
            string Run(string key)
            {
                var r = CliRunner.Run("report", "--fhir", Data("hl7-examples"), "--format", "json", "--as-of", AsOf, "--pseudonym-key-file", key);
                Assert.True(r.ExitCode == 0, r.Stderr);
                return r.Stdout;
            }
            string first = Run(keyA);
            Assert.Equal(first, Run(keyA));
            // These examples give no patient-level cards, but the clinician cards carry keyed "C-" pseudonyms from the same key.
            Assert.Contains("\"C-", first, StringComparison.Ordinal);
            Assert.NotEqual(first, Run(keyB));
            var bad = CliRunner.Run("report", "--fhir", Data("hl7-examples"), "--pseudonym-key-file", tooShort);
            Assert.Equal(2, bad.ExitCode);
            Assert.Contains("needs at least 16 bytes but the file has 3", bad.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Report_IncludePatientRefs_NeedsFhir_AndExcludesAKeyFile()
    {
        Assert.Contains("--include-patient-refs applies to --fhir input only", CliRunner.Run("report", "--include-patient-refs").Stderr, StringComparison.Ordinal);
        var both = CliRunner.Run("report", "--fhir", Data("bulk"), "--include-patient-refs", "--pseudonym-key-file", "k");
        Assert.Equal(2, both.ExitCode);
        Assert.Contains("are alternatives", both.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, CliRunner.Run("report", "--fhir", Data("bulk"), "--include-patient-refs", "--as-of", AsOf).ExitCode);
    }

    [Fact]
    public void Report_StrictWithoutFhir_ExitsTwo() =>
        Assert.Contains("--strict applies to --fhir input only", CliRunner.Run("report", "--strict").Stderr, StringComparison.Ordinal);

    [Fact]
    public void Report_FhirAndInputTogether_ExitsTwo()
    {
        var r = CliRunner.Run("report", "--fhir", Data("bulk"), "--input", "x.json");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Stdout);
        Assert.Contains("--input and --fhir are alternatives", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_FhirMissingPath_ExitsTwo()
    {
        var r = CliRunner.Run("report", "--fhir", Data("does-not-exist"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("no such file or folder", r.Stderr, StringComparison.Ordinal);
    }
}

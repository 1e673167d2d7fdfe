using Hl7.Fhir.Serialization;
using Hl7.Fhir.Validation;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PatientCentric.Cli.Tests;

/// <summary><c>report --fhir</c> on the FHIR test subset (from ../shared/data/fhir, see FhirData/NOTICE.md).</summary>
public sealed class FhirReportTests
{
    private const string AsOf = "2026-01-15T12:00:00Z";

    private static string Data(string name) => Path.Combine(AppContext.BaseDirectory, "FhirData", name);

    [Fact]
    public void Report_SingleSyntheaFile_ShowsItsFolderButNotItsName()
    {
        // Synthea names each Bundle after its patient (Given_Family_<Patient.id>.json): the source line must not echo it.
        var file = Directory.GetFiles(Data("synthea"), "*.json").Order(StringComparer.Ordinal).First();
        var r = CliRunner.Run("report", "--fhir", file, "--as-of", AsOf);
        Assert.True(r.ExitCode == 0, r.Stderr);
        var name = Path.GetFileNameWithoutExtension(file);
        Assert.Contains("(one file; its name is not shown)", r.Stdout, StringComparison.Ordinal);
        foreach (var part in name.Split('_'))
        {
            Assert.DoesNotContain(part, r.Stdout, StringComparison.Ordinal);
            Assert.DoesNotContain(part, r.Stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Report_FhirExamplesFolder_ScoresAndCountsTheProblemsOnStandardError()
    {
        var r = CliRunner.Run("report", "--fhir", Data("hl7-examples"), "--as-of", AsOf);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("PatientCentric report — FHIR practice", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("Period 2013-12-09..2015-01-17", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("Service line: Home health", r.Stdout, StringComparison.Ordinal);
        Assert.StartsWith("FHIR input: 88 resources read, 0 duplicates replaced, 23 of unused types ignored, 10 problems;", r.Stderr, StringComparison.Ordinal);
        // Files by position in the read (ordinal name order) and extension, never by name.
        Assert.Contains("MissingPatient: 2 (first: file 8 of 88 (.json), Claim)", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("MissingField: 8 (first: file 4 of 88 (.json), Claim.total)", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("Files are numbered in the order read: ordinal name order in the folder (LC_ALL=C ls)", r.Stderr, StringComparison.Ordinal);
        Assert.Equal("Claim-100150.json", Path.GetFileName(Directory.EnumerateFiles(Data("hl7-examples")).Order(StringComparer.Ordinal).ElementAt(3)));
        foreach (string file in Directory.EnumerateFiles(Data("hl7-examples")))
            Assert.DoesNotContain(Path.GetFileNameWithoutExtension(file), r.Stderr, StringComparison.Ordinal);
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
        Assert.Equal("notApplicable", leadTime.GetProperty("status").GetString());
        Assert.False(leadTime.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.Number);
        // Nor can no-shows: an Encounter is a visit that happened. NotApplicable, not 0 %.
        foreach (string key in new[] { "no-show-rate", "same-day-cancellation-rate", "missed-appointment-rate" })
            Assert.Equal("notApplicable", root.GetProperty("cards").EnumerateArray().First(c => c.GetProperty("measureKey").GetString() == key).GetProperty("status").GetString());
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
    public void Report_FhirWithOut_WritesTheFourFiles_AndEveryMeasureReportValidates()
    {
        var r = FhirReportOutput.Result;
        string dir = FhirReportOutput.Dir;
        Assert.True(r.ExitCode == 0, r.Stderr);
        foreach (string f in new[] { "report.html", "results.json", "measure-reports.ndjson", "data-quality.json" })
            Assert.True(File.Exists(Path.Combine(dir, f)), f);
        Assert.Contains("Wrote the FHIR MeasureReports to", r.Stdout, StringComparison.Ordinal);
        Assert.Contains($"Wrote the FHIR data-quality report to {FhirReportOutput.DataQualityPath}", r.Stdout, StringComparison.Ordinal);
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

    [Fact]
    public void DataQualityJson_Hl7Examples_CountsWhatWasReadAssumedAndSkipped_ByFilePosition()
    {
        Assert.True(FhirReportOutput.Result.ExitCode == 0, FhirReportOutput.Result.Stderr);
        string text = File.ReadAllText(FhirReportOutput.DataQualityPath);
        var root = JsonDocument.Parse(text).RootElement;
        Assert.Equal(88, root.GetProperty("files").GetInt32());
        Assert.Contains("LC_ALL=C ls", root.GetProperty("fileNumbering").GetString(), StringComparison.Ordinal);
        Assert.Equal(88, root.GetProperty("resourcesRead").GetInt32());
        Assert.Equal(0, root.GetProperty("duplicatesReplaced").GetInt32());
        var ignored = root.GetProperty("resourcesIgnored");
        Assert.Equal(23, ignored.GetProperty("total").GetInt32());
        Assert.Equal(23, ignored.GetProperty("byType").EnumerateObject().Sum(t => t.Value.GetInt32()));
        Assert.Equal(4, ignored.GetProperty("byType").GetProperty("Questionnaire").GetInt32());
        var assumptions = root.GetProperty("assumptions");
        Assert.Equal(2, assumptions.GetProperty("bookingInstantUnknown").GetProperty("count").GetInt32());
        Assert.Equal(5, assumptions.GetProperty("derivedFills").GetProperty("count").GetInt32());
        Assert.Equal(0, assumptions.GetProperty("claimsWithoutResponse").GetProperty("count").GetInt32());
        Assert.Equal(0, assumptions.GetProperty("referralClosureUnknown").GetProperty("count").GetInt32());   // the folder has Task resources
        foreach (var a in assumptions.EnumerateObject())
            Assert.EndsWith(".", a.Value.GetProperty("meaning").GetString(), StringComparison.Ordinal);
        Assert.Equal(10, root.GetProperty("issuesTotal").GetInt32());
        Assert.Equal(["malformed:0", "unknownResourceType:0", "missingPatient:2", "missingField:8", "invalidValue:0"],
                     root.GetProperty("issueCounts").EnumerateObject().Select(c => $"{c.Name}:{c.Value.GetInt32()}"));

        var groups = root.GetProperty("issues").EnumerateArray().ToList();
        Assert.Equal(["missingPatient", "missingField"], groups.Select(g => g.GetProperty("code").GetString()));
        var missingField = groups[1];
        Assert.Equal(8, missingField.GetProperty("count").GetInt32());
        Assert.Equal(0, missingField.GetProperty("leftOut").GetInt32());
        var first = missingField.GetProperty("first").EnumerateArray().ToList();
        Assert.Equal(8, first.Count);
        // The first in read order: the 4th file in ordinal name order, Claim-100150.json, which has no total.
        Assert.Equal("""{"file":4,"fileExtension":".json","line":0,"resourceType":"Claim","field":"Claim.total"}""",
                     JsonSerializer.Serialize(first[0]));
        Assert.Equal(first.Select(i => i.GetProperty("file").GetInt32()).Order(), first.Select(i => i.GetProperty("file").GetInt32()));
        Assert.All(groups[0].GetProperty("first").EnumerateArray(), i => Assert.Equal(JsonValueKind.Null, i.GetProperty("field").ValueKind));
        foreach (string file in Directory.EnumerateFiles(Data("hl7-examples")))
            Assert.DoesNotContain(Path.GetFileNameWithoutExtension(file), text, StringComparison.Ordinal);
    }

    [Fact]
    public void DataQualityJson_ManyMalformedLines_ListsTheFirstHundredOfACode_AndCountsTheRest()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"pc-dq-cap-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            string input = Path.Combine(dir, "Encounter.000.ndjson");
            var lines = new List<string> { """{"resourceType":"Patient","id":"p1"}""" };
            lines.AddRange(Enumerable.Range(0, 250).Select(i => i % 2 == 0 ? "{\"resourceType\": \"Encounter\", \"id\": " : "not json at all"));
            lines.AddRange(Enumerable.Range(0, 3).Select(_ => """{"resourceType":"NoSuchType","id":"x"}"""));
            File.WriteAllLines(input, lines);
            var r = CliRunner.Run("report", "--fhir", input, "--as-of", AsOf, "--from", "2025-01-01", "--to", "2025-12-31", "--out", Path.Combine(dir, "out"));
            Assert.True(r.ExitCode == 0, r.Stderr);
            Assert.Contains("Malformed: 250 (first: file 1 of 1 (.ndjson) line 2)", r.Stderr, StringComparison.Ordinal);
            Assert.Contains("UnknownResourceType: 3 (first: file 1 of 1 (.ndjson) line 252)", r.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("Files are numbered", r.Stderr, StringComparison.Ordinal);   // one file: nothing to number

            string path = Path.Combine(dir, "out", "data-quality.json");
            var root = JsonDocument.Parse(File.ReadAllText(path)).RootElement;
            var malformed = root.GetProperty("issues").EnumerateArray().Single(g => g.GetProperty("code").GetString() == "malformed");
            Assert.Equal(250, malformed.GetProperty("count").GetInt32());
            Assert.Equal(150, malformed.GetProperty("leftOut").GetInt32());
            var listed = malformed.GetProperty("first").EnumerateArray().ToList();
            Assert.Equal(100, listed.Count);
            Assert.Equal(Enumerable.Range(2, 100), listed.Select(i => i.GetProperty("line").GetInt32()));
            Assert.All(listed, i => Assert.Equal(".ndjson", i.GetProperty("fileExtension").GetString()));
            var unknown = root.GetProperty("issues").EnumerateArray().Single(g => g.GetProperty("code").GetString() == "unknownResourceType");
            Assert.Equal(0, unknown.GetProperty("leftOut").GetInt32());
            Assert.Equal(3, unknown.GetProperty("first").GetArrayLength());
            Assert.Equal(253, root.GetProperty("issuesTotal").GetInt32());
            Assert.True(new FileInfo(path).Length < 40_000, $"{new FileInfo(path).Length} bytes");

            string html = WebUtility.HtmlDecode(File.ReadAllText(Path.Combine(dir, "out", "report.html")));
            Assert.Contains("Unreadable lines or entries: 250", html, StringComparison.Ordinal);
            Assert.Contains("…and 245 more; data-quality.json lists the first 100 of each kind.", html, StringComparison.Ordinal);
            Assert.Contains("line 2", html, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Everything in a Synthea Patient that names or identifies the patient: id, identifiers, names, telecom, address lines.</summary>
    private static List<string> PatientIdentifiers(JsonElement patient)
    {
        var found = new List<string> { patient.GetProperty("id").GetString()! };
        foreach (var identifier in patient.GetProperty("identifier").EnumerateArray())
            if (identifier.TryGetProperty("value", out var value)) found.Add(value.GetString()!);
        foreach (var name in patient.GetProperty("name").EnumerateArray())
        {
            found.Add(name.GetProperty("family").GetString()!);
            found.AddRange(name.GetProperty("given").EnumerateArray().Select(g => g.GetString()!));
        }
        if (patient.TryGetProperty("telecom", out var telecom))
            found.AddRange(telecom.EnumerateArray().Select(t => t.GetProperty("value").GetString()!));
        if (patient.TryGetProperty("address", out var address))
            found.AddRange(address.EnumerateArray().SelectMany(a => a.GetProperty("line").EnumerateArray()).Select(l => l.GetString()!));
        return found;
    }

    [Fact]
    public void Report_SyntheaFilesWithProblems_NoNameOrIdentifierInStderrOrAnyOutputFile()
    {
        string original = Directory.EnumerateFiles(Data("synthea"), "*.json").Single();
        string fileName = Path.GetFileName(original);   // Given_Family_<id>.json
        string dir = Path.Combine(Path.GetTempPath(), $"pc-dq-privacy-{Guid.NewGuid():N}");
        string bundles = Path.Combine(dir, "bundles"), ndjson = Path.Combine(dir, "ndjson");
        Directory.CreateDirectory(bundles);
        Directory.CreateDirectory(ndjson);
        try
        {
            // The Bundle under its own name, with a broken entry and an encounter without a start.
            var bundle = JsonNode.Parse(File.ReadAllText(original))!;
            var entries = bundle["entry"]!.AsArray();
            int broken = 5, noStart = entries.Select((e, i) => (e, i)).First(x => (string?)x.e!["resource"]!["resourceType"] == "Encounter").i;
            Assert.NotEqual(broken, noStart);
            entries[broken]!["resource"] = "not a resource";
            entries[noStart]!["resource"]!["period"]!.AsObject().Remove("start");
            File.WriteAllText(Path.Combine(bundles, fileName), bundle.ToJsonString());
            var patient = JsonDocument.Parse(entries.Select(e => e!["resource"]).First(r => r is JsonObject o && (string?)o["resourceType"] == "Patient")!.ToJsonString()).RootElement;
            var secrets = PatientIdentifiers(patient);
            secrets.Add(Path.GetFileNameWithoutExtension(fileName));
            secrets.AddRange(Path.GetFileNameWithoutExtension(fileName).Split('_'));   // given, family and the id in the name
            Assert.Contains("Eboni", secrets);

            // An NDJSON file named like Synthea's: the patient, then a malformed line.
            File.WriteAllLines(Path.Combine(ndjson, Path.ChangeExtension(fileName, ".ndjson")), [patient.GetRawText(), """{"resourceType": "Encounter","""]);

            var outputs = new List<(string What, string Text)>();
            var r = CliRunner.Run("report", "--fhir", bundles, "--as-of", AsOf, "--out", Path.Combine(dir, "out-bundles"));
            Assert.True(r.ExitCode == 0, r.Stderr);
            Assert.Contains("Malformed: 1 (first: file 1 of 1 (.json) entry 6, Bundle.entry.resource)", r.Stderr, StringComparison.Ordinal);
            Assert.Contains($"MissingField: 1 (first: file 1 of 1 (.json) entry {noStart + 1}, Encounter.period.start)", r.Stderr, StringComparison.Ordinal);
            outputs.Add(("stdout", r.Stdout));
            outputs.Add(("stderr", r.Stderr));
            var strict = CliRunner.Run("report", "--fhir", bundles, "--strict");
            Assert.Equal(2, strict.ExitCode);
            Assert.Contains($"(FHIR input problem: MissingField in file 1 of 1 (.json) entry {noStart + 1}, Encounter.period.start).", strict.Stderr, StringComparison.Ordinal);
            outputs.Add(("strict stderr", strict.Stderr));
            var n = CliRunner.Run("report", "--fhir", ndjson, "--as-of", AsOf, "--from", "2025-01-01", "--to", "2025-12-31", "--out", Path.Combine(dir, "out-ndjson"));
            Assert.True(n.ExitCode == 0, n.Stderr);
            Assert.Contains("Malformed: 1 (first: file 1 of 1 (.ndjson) line 2)", n.Stderr, StringComparison.Ordinal);
            outputs.Add(("ndjson stdout", n.Stdout));
            outputs.Add(("ndjson stderr", n.Stderr));
            foreach (string output in new[] { "out-bundles", "out-ndjson" })
                foreach (string file in new[] { "report.html", "results.json", "measure-reports.ndjson", "data-quality.json" })
                    outputs.Add(($"{output}/{file}", File.ReadAllText(Path.Combine(dir, output, file))));

            Assert.Contains(outputs, o => o.Text.Contains("Data read from FHIR", StringComparison.Ordinal));
            foreach (var (what, text) in outputs)
                foreach (string secret in secrets.Where(s => s.Length >= 4))
                    Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{what} contains a name or identifier from the input ({secret.Length} characters).");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Report_FhirStrict_StopsAtTheFirstProblem_NamingFileAndLineOnly()
    {
        var r = CliRunner.Run("report", "--fhir", Data("hl7-examples"), "--strict");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Stdout);
        Assert.Contains("cannot read the FHIR input (FHIR input problem: ", r.Stderr, StringComparison.Ordinal);
        Assert.Matches(@"FHIR input problem: \w+ in file \d+ of 88 \(\.json\)", r.Stderr);
        foreach (string file in Directory.EnumerateFiles(Data("hl7-examples")))
            Assert.DoesNotContain(Path.GetFileNameWithoutExtension(file), r.Stderr, StringComparison.Ordinal);
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

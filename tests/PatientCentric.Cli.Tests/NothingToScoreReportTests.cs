using System.Text.Json;

namespace PatientCentric.Cli.Tests;

/// <summary>A FHIR Bulk export with patients but nothing to score (only Patient, Practitioner and Immunization files):
/// the report lists every measure family as not applicable with its reason, instead of empty sections.</summary>
public sealed class NothingToScoreReportTests
{
    private static readonly (string Key, string Reason)[] Families =
    [
        ("appointments", "No appointments or visits in the data."),
        ("tnaa", "No appointment-availability snapshots in the data."),
        ("portal-response", "No portal messages in the data."),
        ("calls", "No phone-call records in the data."),
        ("claims", "No claims in the data."),
        ("billing", "No billing statements, price estimates or billing complaints in the data."),
        ("post-visit-contact-rate", "No post-visit contacts in the data."),
        ("surveys", "No survey returns in the data."),
        ("pdc", "No medication fills in the data."),
        ("referral-closure", "No referrals in the data."),
        ("job-timeliness", "No patient jobs (labs, follow-up visits, pre-visit forms) in the data."),
        ("commitment", "None of the measures or reviews that the six commitments are built from has a value."),
    ];

    [Fact]
    public void Report_ExportWithoutVisitsFillsOrClaims_ListsEveryFamilyAsNotApplicable_InConsoleHtmlAndResults()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"pc-empty-{Guid.NewGuid():N}");
        string input = Path.Combine(dir, "export"), output = Path.Combine(dir, "out");
        Directory.CreateDirectory(input);
        try
        {
            var patients = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "FhirData", "bulk", "Patient.000.ndjson")).Take(3).ToList();
            File.WriteAllLines(Path.Combine(input, "Patient.000.ndjson"), patients);
            File.WriteAllLines(Path.Combine(input, "Practitioner.000.ndjson"),
                ["""{"resourceType":"Practitioner","id":"pr1","name":[{"family":"Example"}]}"""]);
            string patientId = JsonDocument.Parse(patients[0]).RootElement.GetProperty("id").GetString()!;
            File.WriteAllLines(Path.Combine(input, "Immunization.000.ndjson"),
                [$$"""{"resourceType":"Immunization","id":"im1","status":"completed","vaccineCode":{"text":"influenza"},"patient":{"reference":"Patient/{{patientId}}"},"occurrenceDateTime":"2025-03-01"}"""]);

            var r = CliRunner.Run("report", "--fhir", input, "--from", "2025-01-01", "--to", "2025-12-31", "--as-of", "2026-01-15T12:00:00Z", "--out", output);
            Assert.True(r.ExitCode == 0, r.Stderr);

            var practice = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "results.json"))).RootElement.GetProperty("cards").EnumerateArray()
                .Where(c => c.GetProperty("scope").GetProperty("level").GetString() == "practice")
                .Select(c => (c.GetProperty("measureKey").GetString()!, c.GetProperty("status").GetString()!, c.GetProperty("statusReason").GetString()!))
                .ToList();
            Assert.Equal(Families.Select(f => (f.Key, "notApplicable", f.Reason)), practice);

            string html = File.ReadAllText(Path.Combine(output, "report.html"));
            foreach (var (key, reason) in Families)
            {
                Assert.Contains($"{key} ", r.Stdout, StringComparison.Ordinal);
                Assert.Contains(reason, r.Stdout, StringComparison.Ordinal);
                Assert.Contains(System.Net.WebUtility.HtmlEncode(reason), html, StringComparison.Ordinal);
            }
            Assert.Contains("Primary customer: not decided", r.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}

using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PatientCentric.Cli.Tests;

public sealed class HtmlReportTests
{
    [Fact]
    public void ReportOut_WritesHtmlAndJson_PrintsTheSummary_AndSaysWhereTheFilesWent()
    {
        var r = HtmlReportOutput.Result;
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.True(File.Exists(HtmlReportOutput.HtmlPath));
        Assert.True(File.Exists(Path.Combine(HtmlReportOutput.Dir, "results.json")));
        Assert.Contains("PatientCentric report — Riverside Health Partners", r.Stdout, StringComparison.Ordinal);
        Assert.Contains($"Wrote the HTML report to {HtmlReportOutput.HtmlPath}", r.Stdout, StringComparison.Ordinal);
        Assert.Contains($"Wrote the JSON results to {Path.Combine(HtmlReportOutput.Dir, "results.json")}", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void ResultsJson_Parses_AndIsTheSameAsFormatJson()
    {
        Assert.Equal(0, HtmlReportOutput.Result.ExitCode);
        string written = File.ReadAllText(Path.Combine(HtmlReportOutput.Dir, "results.json"));
        using var doc = JsonDocument.Parse(written);
        Assert.Equal("Riverside Health Partners (synthetic sample)", doc.RootElement.GetProperty("practiceName").GetString());
        var json = CliRunner.Run("report", "--format", "json", "--as-of", HtmlReportOutput.AsOf);
        Assert.Equal(json.Stdout.TrimEnd(), written.TrimEnd());
    }

    [Fact]
    public void FormatJsonWithOut_KeepsStdoutOneJsonDocument_AndSaysWhereOnStderr()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"pc-html-{Guid.NewGuid():N}");
        // A data-quality.json left by an earlier FHIR run would describe other data: a JSON run removes it.
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "data-quality.json"), "{}");
        var r = CliRunner.Run("report", "--format", "json", "--as-of", HtmlReportOutput.AsOf, "--out", dir);
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Contains("report.html", r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("data-quality.json", r.Stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(dir, "report.html")));
        Assert.False(File.Exists(Path.Combine(dir, "data-quality.json")));
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public void JsonInput_WritesNoDataQualityFile_AndNoFhirSection()
    {
        Assert.Equal(0, HtmlReportOutput.Result.ExitCode);
        Assert.False(File.Exists(Path.Combine(HtmlReportOutput.Dir, "data-quality.json")));
        Assert.DoesNotContain("data-quality", HtmlReportOutput.Result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"fhir-input\"", HtmlReportOutput.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Data read from FHIR", HtmlReportOutput.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void FhirInput_HasTheDataReadFromFhirSection_AfterTheHeadlines_InPlainWords()
    {
        Assert.True(FhirReportOutput.Result.ExitCode == 0, FhirReportOutput.Result.Stderr);
        string raw = FhirReportOutput.Html;
        int section = raw.IndexOf("<section id=\"fhir-input\">", StringComparison.Ordinal);
        Assert.True(section > 0);
        Assert.True(section < raw.IndexOf("<section id=\"not-scored\">", StringComparison.Ordinal));
        int headlines = raw.IndexOf("<section id=\"headlines\">", StringComparison.Ordinal);
        Assert.True(headlines < section, "after the headline cards");
        string html = WebUtility.HtmlDecode(raw[section..raw.IndexOf("</section>", section, StringComparison.Ordinal)]);
        foreach (string expected in new[]
                 {
                     "Data read from FHIR", "88 records in 88 files",
                     "23 records are of kinds this report does not use", "Questionnaire 4",
                     "No record appeared twice.",
                     // Counts of visits and fills follow the page's small-cell rule (2 and 5 here).
                     "<11 visits or appointments have no booking time, so they are left out of appointment lead time",
                     "<11 medication fills were worked out from prescriptions",
                     "10 records could not be used. Each was skipped and counted",
                     "Records of patients who are not in the data: 2", "Records missing information the report needs: 8",
                     "<td>file 4 of 88 (.json)</td><td>the whole file</td><td>Claim</td><td>Claim.total</td>",
                     "…and 3 more; data-quality.json lists the first 100 of each kind.",
                     "LC_ALL=C ls", "name each file after the patient",
                 })
            Assert.Contains(expected, html, StringComparison.Ordinal);
        Assert.DoesNotContain("claims have no reply", html, StringComparison.Ordinal);   // none here: not mentioned
        foreach (string file in Directory.EnumerateFiles(FhirReportOutput.Hl7Examples))
            Assert.DoesNotContain(Path.GetFileNameWithoutExtension(file), raw, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_IsSelfContained_NoScriptNoNetwork()
    {
        string html = HtmlReportOutput.Html;
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(@"<[^>]*\son[a-z]+\s*=", html);   // no event-handler attributes
        // The only url(...) is the in-page hatch pattern.
        Assert.All(Regex.Matches(html, @"url\(([^)]*)\)").Select(m => m.Groups[1].Value), u => Assert.StartsWith("#", u, StringComparison.Ordinal));
    }

    [Fact]
    public void Html_HasEveryExpectedChart_AsAnSvgWithClassChart()
    {
        string html = HtmlReportOutput.Html;
        foreach (string id in HtmlReportOutput.ExpectedChartIds)
            Assert.Matches($"<svg class=\"chart[^\"]*\" id=\"{id}\"", html);
    }

    [Fact]
    public void Html_HasNoPatientKey()
    {
        string html = HtmlReportOutput.Html;
        Assert.DoesNotMatch(HtmlReportOutput.PatientKeyPattern(), html);
        Assert.NotEmpty(HtmlReportOutput.SamplePatientKeys.Value);
        foreach (string key in HtmlReportOutput.SamplePatientKeys.Value)
            Assert.DoesNotContain(key, html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_HasEverySection_TheFixedNote_AndSuppressedCounts()
    {
        string html = WebUtility.HtmlDecode(HtmlReportOutput.Html);
        foreach (string expected in new[]
                 {
                     "Riverside Health Partners", "1 January 2025 to 31 December 2025", "15 January 2026, 12:00 UTC",
                     "Customer service", "Why these weights:", "Headline scores", "Net Promoter Score", "+41.9", "n = 1,359",
                     "Service line: Dermatology", "Service line: Aesthetic Medicine", "insufficient data", "What could not be scored",
                     "median 7 days", "P90 28 days", "Medication adherence", "Q1 ", "Q3 ", "Support plans (counts only)", "Advisory only:",
                     "Who is the primary customer?", "Patients — by the weighted-sum method", "How safe is the choice?", "Break-evens",
                     "Variation: special cause — concern", "Assurance: consistently passing the target", "Alert — revisit the primary-customer decision",
                     "Concentrate here", "Keep up the good work", "Low priority", "Possible overkill",
                     "What reviews say", "[name]", "Scores the library refused to compute", "0–10 rating",
                     "Patient-experience scores and quality of care are different dimensions", "Fenton et al. 2012", "<11",
                 })
            Assert.Contains(expected, html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_EncodesText_AndMarksInsufficientDataOnASmallPractice()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"pc-html-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            string input = Path.Combine(dir, "small.json");
            Assert.Equal(0, CliRunner.Run("sample", "--out", input, "--patients", "12").ExitCode);
            var sample = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(input))!;
            sample["practiceName"] = "Small <b>\"Practice\"</b> & Co";
            File.WriteAllText(input, sample.ToJsonString());

            var r = CliRunner.Run("report", "--input", input, "--as-of", HtmlReportOutput.AsOf, "--out", Path.Combine(dir, "out"));
            Assert.True(r.ExitCode == 0, r.Stderr);
            string html = File.ReadAllText(Path.Combine(dir, "out", "report.html"));
            Assert.Contains("Small &lt;b&gt;&quot;Practice&quot;&lt;/b&gt; &amp; Co", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
            Assert.Contains("insufficient data", html, StringComparison.Ordinal);
            Assert.Contains("&lt;11", html, StringComparison.Ordinal);
            Assert.DoesNotMatch(HtmlReportOutput.PatientKeyPattern(), html);
            Assert.Contains("different dimensions", html, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}

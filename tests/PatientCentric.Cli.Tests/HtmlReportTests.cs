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
        var r = CliRunner.Run("report", "--format", "json", "--as-of", HtmlReportOutput.AsOf, "--out", dir);
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Contains("report.html", r.Stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(dir, "report.html")));
        Directory.Delete(dir, recursive: true);
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
                     "Customer service", "Why these weights:", "Headline scores", "Net Promoter Score", "+40.5", "n = 1,359",
                     "Service line: Dermatology", "Service line: Aesthetic Medicine", "insufficient data", "What could not be scored",
                     "median 8 days", "P90 34 days", "Medication adherence", "Q1 ", "Q3 ", "Support plans (counts only)", "Advisory only:",
                     "Who is the primary customer?", "Patients — by the weighted-sum method", "How safe is the choice?", "Break-evens",
                     "Variation: SpecialCauseConcern", "Assurance: ConsistentPass", "Alert — revisit the primary-customer decision",
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

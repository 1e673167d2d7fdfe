using System.Net;
using System.Text.Json;
using PatientCentric.Cli.Report;
using PatientCentric.Cli.Sample;
using PatientCentric.Control;
using PatientCentric.Records;

namespace PatientCentric.Cli.Tests;

/// <summary>The report finds the sample's designed patterns (docs/data-model.md#designed-patterns) and shows trends and
/// fair comparisons in every output: the console, report.html, results.json and measure-reports.ndjson.</summary>
public sealed class TrendsReportTests
{
    private static JsonElement Results => JsonDocument.Parse(File.ReadAllText(Path.Combine(HtmlReportOutput.Dir, "results.json"))).RootElement;

    private static JsonElement PracticeSeries(JsonElement root, string measure) =>
        root.GetProperty("series").EnumerateArray().Single(s => s.GetProperty("measureKey").GetString() == measure
                                                                && s.GetProperty("scope").GetProperty("level").GetString() == "practice");

    private static JsonElement ClinicianFunnel(JsonElement root, string measure) =>
        root.GetProperty("funnels").EnumerateArray().Single(f => f.GetProperty("measureKey").GetString() == measure
                                                                 && f.GetProperty("unitLevel").GetString() == "clinician");

    [Fact]
    public void Report_LeadTimeSeries_ShowsTheDesignedStepAsASpecialCauseImprovement_FromJune()
    {
        Assert.True(HtmlReportOutput.Result.ExitCode == 0, HtmlReportOutput.Result.Stderr);
        var series = PracticeSeries(Results, "lead-time");
        var points = series.GetProperty("points").EnumerateArray().ToList();
        var chart = series.GetProperty("chart").GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(12, points.Count);
        Assert.Equal(points.Count, chart.Count);
        for (int i = 0; i < points.Count; i++)
        {
            string start = points[i].GetProperty("period").GetProperty("start").GetString()!;
            if (string.CompareOrdinal(start, "2025-06-01") >= 0)   // every month from the step on: a signal of improvement
                Assert.True(chart[i].GetProperty("pointType").GetString() == "specialCauseImprovement", start);
            else
                Assert.NotEqual("specialCauseImprovement", chart[i].GetProperty("pointType").GetString());
        }
        Assert.Equal("specialCauseImprovement", series.GetProperty("chart").GetProperty("variationIcon").GetString());
    }

    [Fact]
    public void Report_NoShowFunnel_FlagsTheDesignedClinician_AndNotTheNoisySmallOne()
    {
        var funnel = ClinicianFunnel(Results, "no-show-rate");
        var outside = funnel.GetProperty("outside998").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(["C04"], outside);
        var keys = funnel.GetProperty("unitKeys").EnumerateArray().Select(e => e.GetString()).ToList();
        int locum = keys.IndexOf("C13");
        Assert.True(locum >= 0, "the small-volume clinician is in the funnel");
        double target = funnel.GetProperty("result").GetProperty("target").GetDouble();
        var unit = funnel.GetProperty("result").GetProperty("units")[locum];
        Assert.True(unit.GetProperty("value").GetDouble() > 3 * target, "the small clinician's rate is extreme");
        Assert.True(funnel.GetProperty("denominators")[locum].GetDouble() < 30, "on few appointments");
        Assert.False(unit.GetProperty("outside998").GetBoolean());
    }

    [Fact]
    public void Sample_SmallClinician_IsInsideTheFunnel_EvenWithoutOverdispersion()
    {
        // Straight from the generated data, independent of the evaluator: no-shows ÷ appointments kept or missed per
        // primary-care clinician, the plain binomial funnel (no widening). C04 is outside, C13 inside, by design.
        var data = SamplePracticeGenerator.Generate();
        var byClinician = data.Appointments.Where(a => a.ServiceLine == "primary-care" && a.Outcome is AppointmentOutcome.Kept or AppointmentOutcome.NoShow)
            .GroupBy(a => a.ClinicianKey!).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        double[] events = [.. byClinician.Select(g => (double)g.Count(a => a.Outcome == AppointmentOutcome.NoShow))];
        double[] cases = [.. byClinician.Select(g => (double)g.Count())];
        var funnel = FunnelPlot.Compute(FunnelDataType.Proportion, events, cases, new FunnelOptions { Overdispersion = FunnelOverdispersion.None });
        var keys = byClinician.Select(g => g.Key).ToList();
        Assert.True(funnel.Units[keys.IndexOf("C04")].Outside998);
        Assert.True(funnel.Units[keys.IndexOf("C04")].Value > 2 * funnel.Target);
        var locum = funnel.Units[keys.IndexOf("C13")];
        Assert.True(locum.Value > 3 * funnel.Target);
        Assert.True(locum.Outside95);
        Assert.False(locum.Outside998);
    }

    [Fact]
    public void ResultsJson_CarriesEverySeriesWithLimitsAndPointTypes_AndEveryFunnelWithLimitsAndOutliers()
    {
        var root = Results;
        var series = root.GetProperty("series").EnumerateArray().ToList();
        Assert.NotEmpty(series);
        Assert.Contains(series, s => s.GetProperty("scope").GetProperty("level").GetString() == "clinician");
        var charted = series.Where(s => s.GetProperty("chart").ValueKind == JsonValueKind.Object).ToList();
        Assert.NotEmpty(charted);
        Assert.All(charted.SelectMany(s => s.GetProperty("chart").GetProperty("points").EnumerateArray()).Where(p => p.GetProperty("value").ValueKind == JsonValueKind.Number),
                   p => { Assert.True(p.TryGetProperty("pointType", out _)); Assert.True(p.TryGetProperty("centreLine", out _)); Assert.True(p.TryGetProperty("upperProcessLimit", out _)); });
        var funnels = root.GetProperty("funnels").EnumerateArray().ToList();
        Assert.NotEmpty(funnels);
        Assert.All(funnels, f =>
        {
            Assert.True(f.TryGetProperty("outside998", out _));
            Assert.All(f.GetProperty("result").GetProperty("units").EnumerateArray(), u => Assert.True(u.GetProperty("limits").TryGetProperty("upper998", out _)));
        });
    }

    [Fact]
    public void Html_HasTheTrendsSection_AndTheFunnels_WithTheComparisonNote()
    {
        string html = WebUtility.HtmlDecode(HtmlReportOutput.Html);
        Assert.Contains("<section id=\"trends\">", html, StringComparison.Ordinal);
        int trends = html.IndexOf("<section id=\"trends\">", StringComparison.Ordinal);
        string section = html[trends..html.IndexOf("</section>", trends, StringComparison.Ordinal)];
        Assert.Equal(8, System.Text.RegularExpressions.Regex.Count(section, "<svg class=\"chart spc\" id=\"chart-trend-"));   // one per headline measure
        Assert.Contains("Special cause improvement", section, StringComparison.Ordinal);
        int clinicians = html.IndexOf("<section id=\"clinicians\">", StringComparison.Ordinal);
        Assert.True(clinicians > 0);
        string funnels = html[clinicians..html.IndexOf("</section>", clinicians, StringComparison.Ordinal)];
        Assert.Contains(HtmlReport.ComparisonNote, funnels, StringComparison.Ordinal);
        Assert.Contains("No-show rate: C04 (21.2 %, n = 679)", funnels, StringComparison.Ordinal);
        Assert.DoesNotContain("C13 (", funnels, StringComparison.Ordinal);
        Assert.Contains("<td>C13</td>", funnels, StringComparison.Ordinal);   // still listed in the table under the funnel
    }

    [Fact]
    public void Console_HasTheTrendsTable_WithIconsAsWords_AndTheOutliers()
    {
        string stdout = HtmlReportOutput.Result.Stdout;
        var lines = stdout.Split('\n');
        string lead = lines.First(l => l.TrimStart().StartsWith("lead-time ", StringComparison.Ordinal) && l.Contains("2025-12", StringComparison.Ordinal));
        Assert.Contains("special cause improvement", lead, StringComparison.Ordinal);
        Assert.Contains("no target", lead, StringComparison.Ordinal);
        string claims = lines.First(l => l.TrimStart().StartsWith("clean-claim-rate ", StringComparison.Ordinal) && l.Contains("2025-12", StringComparison.Ordinal));
        Assert.Contains("common cause", claims, StringComparison.Ordinal);
        Assert.Contains("consistently misses target", claims, StringComparison.Ordinal);
        Assert.Contains(HtmlReport.ComparisonNote, stdout, StringComparison.Ordinal);
        string noShow = lines.First(l => l.TrimStart().StartsWith("no-show-rate ", StringComparison.Ordinal) && l.Contains("C04 (21.2 %, n = 679)", StringComparison.Ordinal));
        Assert.DoesNotContain("C13", noShow, StringComparison.Ordinal);
    }

    [Fact]
    public void MeasureReports_HaveOneSummaryPerPracticeMeasureAndPeriod()
    {
        var root = Results;
        int expected = root.GetProperty("series").EnumerateArray().Where(s => s.GetProperty("scope").GetProperty("level").GetString() == "practice")
                           .Sum(s => s.GetProperty("points").GetArrayLength());
        Assert.True(expected >= 12 * 20, $"{expected} periods");
        int periodReports = 0;
        foreach (string line in File.ReadLines(Path.Combine(HtmlReportOutput.Dir, "measure-reports.ndjson")))
        {
            var r = JsonDocument.Parse(line).RootElement;
            if (r.GetProperty("resourceType").GetString() != "MeasureReport")
                continue;
            var period = r.GetProperty("period");
            if (period.GetProperty("start").GetString() == "2025-01-01" && period.GetProperty("end").GetString() == "2025-12-31")
                continue;
            periodReports++;
            Assert.Equal("summary", r.GetProperty("type").GetString());
            var group = r.GetProperty("group")[0];
            Assert.True(group.TryGetProperty("measureScore", out _) || group.TryGetProperty("code", out _));
        }
        Assert.Equal(expected, periodReports);
    }
}

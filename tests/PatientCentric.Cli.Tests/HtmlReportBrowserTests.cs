using PatientCentric.Cli.Tests.Browser;

namespace PatientCentric.Cli.Tests;

/// <summary>Opens the generated report in a headless Chromium (Debian's, or one a Playwright install downloaded). Without
/// one the test is skipped and says how to install it, except under CI (<c>CI=true</c>), where that is a failure.</summary>
public sealed class HtmlReportBrowserTests
{
    private sealed record Chart(string Id, double Width, double Height, int Children);

    private sealed record Section(bool Visible, string Text, int ProblemTables);

    private const string Charts = """
        [...document.querySelectorAll('svg.chart')].map(e => {
          const r = e.getBoundingClientRect();
          return { id: e.id, width: r.width, height: r.height, children: e.childElementCount };
        })
        """;

    private const string FhirSection = """
        (() => {
          const s = document.querySelector('section#fhir-input');
          if (!s) return null;
          const r = s.getBoundingClientRect();
          return { visible: r.width > 0 && r.height > 0 && getComputedStyle(s).visibility !== 'hidden',
                   text: s.innerText, problemTables: s.querySelectorAll('table.problems').length };
        })()
        """;

    [Fact]
    public async Task Report_RendersInChromium_EveryChartVisible_NoConsoleErrors_NoPatientKeys_AndTheFhirSection()
    {
        string chromium = RequireChromium();
        Assert.Equal(0, HtmlReportOutput.Result.ExitCode);

        await using var browser = await HeadlessChromium.LaunchAsync(chromium);
        var page = await DevToolsPage.OpenAsync(browser, width: 1100, height: 900);
        await page.GotoAsync(new Uri(HtmlReportOutput.HtmlPath));

        var charts = await page.EvaluateAsync<Chart[]>(Charts);
        foreach (var chart in charts)
        {
            Assert.True(chart is { Width: > 0, Height: > 0 }, $"{chart.Id} has an empty bounding box.");
            Assert.True(chart.Children > 0, $"{chart.Id} has no child element.");
        }
        Assert.Subset(charts.Select(c => c.Id).ToHashSet(), HtmlReportOutput.ExpectedChartIds.ToHashSet());

        string text = await page.EvaluateAsync<string>("document.body.innerText");
        Assert.Contains("different dimensions", text, StringComparison.Ordinal);
        Assert.DoesNotMatch(HtmlReportOutput.PatientKeyPattern(), text);
        foreach (string key in HtmlReportOutput.SamplePatientKeys.Value)
            Assert.DoesNotContain(key, text, StringComparison.Ordinal);

        string shots = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(shots);
        string png = Path.Combine(shots, "report.png");
        await page.ScreenshotAsync(png);
        Assert.True(new FileInfo(png).Length > 0);

        // The report on FHIR input, in the same browser: the "Data read from FHIR" section is shown with its tables.
        Assert.True(FhirReportOutput.Result.ExitCode == 0, FhirReportOutput.Result.Stderr);
        await page.GotoAsync(new Uri(FhirReportOutput.HtmlPath));
        var section = await page.EvaluateAsync<Section?>(FhirSection);
        Assert.NotNull(section);
        Assert.True(section.Visible);
        Assert.Contains("Data read from FHIR", section.Text, StringComparison.Ordinal);
        Assert.Contains("file 4 of 88 (.json)", section.Text, StringComparison.Ordinal);
        Assert.Equal(2, section.ProblemTables);
        await page.ScreenshotAsync(Path.Combine(shots, "report-fhir.png"));

        Assert.True(page.Errors.Count == 0, string.Join(Environment.NewLine, page.Errors));
        Assert.All(page.RequestUrls, r => Assert.StartsWith("file://", r, StringComparison.Ordinal));
    }

    /// <summary>The browser to use; without one, skips with the install line, or fails under CI.</summary>
    private static string RequireChromium()
    {
        if (HeadlessChromium.Locate() is { } found)
            return found;
        string message = $"No Chromium found (looked for {HeadlessChromium.PathVariable}, /usr/bin/chromium and Playwright's "
            + $"browsers). Install it with: {HeadlessChromium.InstallLine}";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            Assert.Fail($"{message}. Under CI (CI=true) a missing browser is a failure, not a skip.");
        Assert.Skip(message);
        return "";
    }
}

using Microsoft.Playwright;

namespace PatientCentric.Cli.Tests;

/// <summary>Opens the generated report in Debian's Chromium through Playwright (Playwright cannot download browsers here).</summary>
public sealed class HtmlReportBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task Report_RendersInChromium_EveryChartVisible_NoConsoleErrors_NoPatientKeys_AndTheFhirSection()
    {
        Assert.True(File.Exists(Chromium),
            $"{Chromium} is missing: install Debian's chromium (apt-get update && apt-get install -y chromium). This browser test never skips.");
        Assert.Equal(0, HtmlReportOutput.Result.ExitCode);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Timeout = 120_000,
            Args = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1100, Height = 900 } });
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
                lock (errors) errors.Add($"console: {message.Text}");
        };
        page.PageError += (_, error) =>
        {
            lock (errors) errors.Add($"page error: {error}");
        };
        var requests = new List<string>();
        page.Request += (_, request) =>
        {
            lock (requests) requests.Add(request.Url);
        };

        string url = new Uri(HtmlReportOutput.HtmlPath).AbsoluteUri;
        await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Load });

        var charts = await page.QuerySelectorAllAsync("svg.chart");
        var ids = new List<string>();
        foreach (var chart in charts)
        {
            string id = await chart.GetAttributeAsync("id") ?? "";
            ids.Add(id);
            var box = await chart.BoundingBoxAsync();
            Assert.True(box is { Width: > 0, Height: > 0 }, $"{id} has an empty bounding box.");
            int children = await chart.EvaluateAsync<int>("e => e.childElementCount");
            Assert.True(children > 0, $"{id} has no child element.");
        }
        Assert.Subset(ids.ToHashSet(), HtmlReportOutput.ExpectedChartIds.ToHashSet());

        string text = await page.InnerTextAsync("body");
        Assert.Contains("different dimensions", text, StringComparison.Ordinal);
        Assert.DoesNotMatch(HtmlReportOutput.PatientKeyPattern(), text);
        foreach (string key in HtmlReportOutput.SamplePatientKeys.Value)
            Assert.DoesNotContain(key, text, StringComparison.Ordinal);

        string shots = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(shots);
        string png = Path.Combine(shots, "report.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = png, FullPage = true });
        Assert.True(new FileInfo(png).Length > 0);

        // The report on FHIR input, in the same browser: the "Data read from FHIR" section is shown with its tables.
        Assert.True(FhirReportOutput.Result.ExitCode == 0, FhirReportOutput.Result.Stderr);
        await page.GotoAsync(new Uri(FhirReportOutput.HtmlPath).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        var section = await page.QuerySelectorAsync("section#fhir-input");
        Assert.NotNull(section);
        Assert.True(await section.IsVisibleAsync());
        string fhirText = await section.InnerTextAsync();
        Assert.Contains("Data read from FHIR", fhirText, StringComparison.Ordinal);
        Assert.Contains("file 4 of 88 (.json)", fhirText, StringComparison.Ordinal);
        Assert.Equal(2, (await section.QuerySelectorAllAsync("table.problems")).Count);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(shots, "report-fhir.png"), FullPage = true });

        lock (errors) Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
        lock (requests) Assert.All(requests, r => Assert.StartsWith("file://", r, StringComparison.Ordinal));
    }
}

using System.Globalization;
using PatientCentric.Peers;
using PatientCentric.Scoring;

namespace PatientCentric.Cli.Report;

/// <summary>The peer-comparison page of <c>report --practices DIR --out OUT</c> (OUT/report.html): the practices read, the
/// ones with nothing to score, and per practice its headline measures among its peers (docs/peers.md). Same rules as the
/// practice page: self-contained, every text HTML-encoded, no patient key.</summary>
internal static partial class HtmlReport
{
    /// <summary>Gets the headline measures of the practice page, which the peer comparison compares by default.</summary>
    internal static IReadOnlyList<string> HeadlineMeasureKeys => Headlines;

    /// <summary>Renders the peer-comparison page; each scored practice links to its own page, <c>&lt;folder&gt;/report.html</c>.</summary>
    public static string RenderPeers(IReadOnlyList<(string Folder, PracticeEvaluation? Evaluation, string? NotScored)> practices,
                                     PeerComparisonResult comparison, string root, DateTimeOffset asOf)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        var page = new Page([], text);
        var profile = practices.First(p => p.Evaluation is not null).Evaluation!.Profile;
        page.Raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        page.Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        page.Raw("<title>").Text("Peer comparison").Raw("</title>\n<style>\n").Raw(Css).Raw("</style>\n</head>\n<body>\n<main>\n");

        page.Raw("<header>\n<h1>").Text("Peer comparison").Raw("</h1>\n<p class=\"sub\">").Text($"{practices.Count} practice folder(s): headline measures among peers").Raw("</p>\n<dl class=\"meta\">\n");
        page.Raw("<dt>Evaluated</dt><dd>").Text(string.Create(CultureInfo.InvariantCulture, $"{asOf.ToUniversalTime():d MMMM yyyy, HH:mm} UTC")).Raw("</dd>\n");
        page.Raw("<dt>Profile</dt><dd>").Text(profile.Key).Raw("</dd>\n");
        page.Raw("<dt>Data</dt><dd>").Text(root).Raw("</dd>\n</dl>\n");
        page.Raw("<p class=\"note\" id=\"peer-purpose\"><strong>What this is for.</strong> ").Text(PeerComparison.Purpose).Raw("</p>\n");
        page.Raw("<p class=\"note\"><strong>Read this first.</strong> ").Text(ConsoleReport.DimensionsNote).Raw("</p>\n</header>\n");

        page.Section("practices", "Practices read");
        page.Raw("<table class=\"scores\">\n<thead><tr><th>Folder</th><th>Practice</th><th>Period</th><th>Own report</th></tr></thead>\n<tbody>\n");
        foreach (var (folder, e, _) in practices.Where(p => p.Evaluation is not null))
        {
            page.Raw("<tr><td>").Text(folder).Raw("</td><td>").Text(e!.PracticeName).Raw("</td><td>").Text(e.Period.ToString())
                .Raw("</td><td><a href=\"").Raw(Uri.EscapeDataString(folder)).Raw("/report.html\">").Text($"{folder}/report.html").Raw("</a></td></tr>\n");
        }
        page.Raw("</tbody>\n</table>\n");
        var notScored = practices.Where(p => p.NotScored is not null).ToList();
        if (notScored.Count > 0)
        {
            page.Raw("<ul id=\"not-scored-practices\">\n");
            foreach (var p in notScored)
                page.Raw("<li><span class=\"badge na\">nothing to score</span> ").Text(p.NotScored!).Raw("</li>\n");
            page.Raw("</ul>\n");
        }
        page.Raw("</section>\n");

        page.Section("peers", "Each practice among its peers");
        page.Raw("<p class=\"small\">").Text(PeerConsoleReport.Definitions).Raw("</p>\n");
        foreach (var practice in comparison.Practices)
        {
            var e = practices.First(p => p.Folder == practice.Name).Evaluation!;
            page.Raw("<h3 id=\"peers-").Raw(Id(practice.Name)).Raw("\">").Text($"{practice.Name} — {e.PracticeName}").Raw("</h3>\n");
            page.Raw("<table class=\"scores peers\">\n<thead><tr><th>Measure</th><th class=\"num\">Value</th><th class=\"num\">Percentile rank</th><th class=\"num\">Peer median</th><th class=\"num\">Peer IQR</th><th class=\"num\">Peers</th><th>Compared with the peers</th></tr></thead>\n<tbody>\n");
            foreach (var m in practice.Measures)
            {
                page.Raw("<tr><td>").Text(Label(m.MeasureKey)).Raw("<br><code>").Text(m.MeasureKey).Raw("</code></td><td class=\"num\">")
                    .Text(PeerText.Value(m.Value, m.Scale, "—")).Raw("</td><td class=\"num\">").Text(PeerText.Rank(m))
                    .Raw("</td><td class=\"num\">").Text(PeerText.Value(m.PeerMedian, m.Scale, "—")).Raw("</td><td class=\"num\">").Text(PeerText.Iqr(m))
                    .Raw("</td><td class=\"num\">").Text(m.PeerCount.ToString(CultureInfo.InvariantCulture)).Raw("</td><td>").Text(PeerText.Comparison(m)).Raw("</td></tr>\n");
            }
            page.Raw("</tbody>\n</table>\n");
        }
        page.Raw("</section>\n");

        page.Raw("<footer>\n<p class=\"note\">").Text(PeerComparison.Purpose).Raw("</p>\n");
        page.Raw("<p>").Text("Every number is also in results.json next to this file; each practice's own report and results are in its folder.").Raw("</p>\n");
        page.Raw("<p>").Text("Made by patientcentric report --practices. This file is self-contained: it loads nothing from the network and runs no script.").Raw("</p>\n");
        page.Raw("</footer>\n</main>\n</body>\n</html>\n");
        return text.ToString();
    }
}

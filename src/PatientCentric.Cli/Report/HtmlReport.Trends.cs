using System.Globalization;
using PatientCentric.Control;
using PatientCentric.Scoring;

namespace PatientCentric.Cli.Report;

// The "Trends" section (an SPC summary table in the NHS "Making Data Count" style and one small chart per headline
// measure) and the per-clinician funnel plots that replace the per-clinician table.
internal static partial class HtmlReport
{
    /// <summary>The sentence every comparison of clinicians carries, on the page and in the console.</summary>
    internal const string ComparisonNote =
        "Comparisons are for support and learning, never for ranking or pay: a clinician outside the limits is a question to look into (case mix, data), not a verdict.";

    private static void WriteTrends(Page p, PracticeEvaluation e)
    {
        var practice = e.Series.Where(s => s.Scope.Level == ScopeLevel.Practice).ToList();
        p.Section("trends", "Trends: is each measure changing? (SPC)");
        if (practice.Count == 0)
        {
            p.Raw("<p class=\"mark\">").Text("No trends: the evaluation has no measure over time (trends are turned off, or no measure has periods with data).").Raw("</p>\n</section>\n");
            return;
        }
        var scales = PracticeScales(e);
        p.Raw("<p>").Text($"Each measure is scored {GrainWords(practice[0].Grain)} and charted with statistical process control (NHS \"Making Data Count\" rules): " +
                          "a proportion on a p′ chart, a rate on a u′ chart, anything else on an XmR chart. Variation says whether the latest point shows a real change " +
                          "(special cause) or ordinary ups and downs (common cause); assurance says whether the process, as it runs, will meet the profile's target.").Raw("</p>\n");
        p.Raw("<table class=\"trends\">\n<thead><tr><th>Measure</th><th>Latest period</th><th class=\"num\">Latest value</th><th>Variation</th><th>Assurance against the target</th></tr></thead>\n<tbody>\n");
        foreach (var s in practice)
        {
            var scale = scales.GetValueOrDefault(s.MeasureKey, ScoreScale.Count);
            var latest = LatestPoint(s);
            p.Raw("<tr><td>").Text(Label(s.MeasureKey)).Raw("<br><code>").Text(s.MeasureKey).Raw("</code></td><td>")
             .Text(latest is { } l ? PeriodLabel(l.Period, s.Grain) : "—").Raw("</td><td class=\"num\">")
             .Text(latest is { Value: { } v } ? CardText.Value(v, scale) : "—").Raw("</td><td>")
             .Text(PlainWords.Capital(PlainWords.Compact(s.Chart?.VariationIcon, s.ChartReason))).Raw("</td><td>")
             .Text(PlainWords.Capital(PlainWords.Compact(s.Chart?.AssuranceIcon))).Raw("</td></tr>\n");
        }
        p.Raw("</tbody>\n</table>\n");

        var charted = Headlines.Select(k => practice.FirstOrDefault(s => s.MeasureKey == k)).OfType<MeasureSeries>().ToList();
        if (charted.Count > 0)
        {
            p.Raw("<p class=\"legend\">").Raw(Dot(Common)).Text(" common cause ").Raw(Dot(Improvement)).Text(" special cause — improvement ")
             .Raw(Dot(Concern)).Text(" special cause — concern ").Raw(Dot(Neutral)).Text(" special cause — neutral. ")
             .Text("Solid grey: centre line; dashed grey: process limits; red dashed: the profile's target. An empty place is a period without enough data.").Raw("</p>\n");
        }
        foreach (var s in charted)
        {
            var scale = scales.GetValueOrDefault(s.MeasureKey, ScoreScale.Count);
            p.Raw("<figure>\n<figcaption>").Text($"{Label(s.MeasureKey)} ({UnitName(scale)}), {ChartName(s)}").Raw("</figcaption>\n");
            TrendChart(p, s, scale);
            p.Raw("<p class=\"icons\"><span class=\"icon\">").Text($"Variation: {PlainWords.Compact(s.Chart?.VariationIcon, s.ChartReason)}").Raw("</span> <span class=\"icon\">")
             .Text($"Assurance: {PlainWords.Compact(s.Chart?.AssuranceIcon)}").Raw("</span></p>\n</figure>\n");
        }
        p.Raw("</section>\n");
    }

    private static void TrendChart(Page p, MeasureSeries s, ScoreScale scale)
    {
        var chartPoints = new List<ChartPoint>(s.Points.Length);
        for (int i = 0; i < s.Points.Length; i++)
        {
            var point = s.Points[i];
            string period = PeriodLabel(point.Period, s.Grain);
            SpcPoint? c = s.Chart is { } chart && i < chart.Points.Length ? chart.Points[i] : null;
            var type = c?.PointType ?? PointType.CommonCause;
            string value = point.Value is { } v ? CardText.Value(v, scale) : $"no value ({CardText.Status(point.Status)})";
            string note = PointNote(point.IsPartialPeriod ? $"{period} (part of the period)" : period, value, type, c?.SpecialCause ?? SpecialCauseRule.None);
            chartPoints.Add(new ChartPoint(period, point.Value, c?.CentreLine, c?.LowerProcessLimit, c?.UpperProcessLimit, type, note));
        }
        ChartLine? target = s.Target is { } t ? new ChartLine(t, "target", "breakeven", "lbl-breakeven") : null;
        ControlChart(p, $"chart-trend-{Id(s.MeasureKey)}", $"{Label(s.MeasureKey)} per period", chartPoints, target, 220, "centre",
                     v => CardText.Value(v, scale));
    }

    private static void WriteFunnels(Page p, PracticeEvaluation e)
    {
        bool clinicianCards = e.Cards.Any(c => c.Scope.Level == ScopeLevel.Clinician);
        var funnels = e.Funnels.Where(f => f.UnitLevel == ScopeLevel.Clinician).ToList();
        if (!clinicianCards && funnels.Count == 0)
            return;
        p.Section("clinicians", "Comparing clinicians fairly (funnel plots)");
        p.Raw("<p class=\"note\"><strong>For support and learning.</strong> ").Text(ComparisonNote).Raw("</p>\n");
        if (funnels.Count == 0)
        {
            p.Raw("<p class=\"mark\">").Text("No funnel plot: fewer than two clinicians have a value for any proportion or rate measure.").Raw("</p>\n</section>\n");
            return;
        }
        p.Raw("<p>").Text("Each dot is a clinician: across, how many cases the value rests on; up, the value. The funnel narrows as the number of cases grows, " +
                          "because a small number moves a lot by chance. A clinician between the dotted (95 %) and dashed (99.8 %) lines is within what chance explains; " +
                          "only one outside the 99.8 % limits is listed as worth a look. The limits are widened when clinicians differ by more than chance overall (overdispersion).").Raw("</p>\n");
        var outside = funnels.Where(f => !f.Outside998.IsEmpty).ToList();
        if (outside.Count == 0)
            p.Raw("<p>").Text("No clinician is outside the 99.8 % limits on any measure.").Raw("</p>\n");
        else
        {
            p.Raw("<p><strong>").Text("Clinicians outside the 99.8 % limits:").Raw("</strong></p>\n<ul class=\"outside\">\n");
            foreach (var f in outside)
                p.Raw("<li>").Text($"{Label(f.MeasureKey)}: {string.Join(", ", f.Outside998.Select(k => $"{k} ({FunnelValue(f, k)})"))}").Raw("</li>\n");
            p.Raw("</ul>\n");
        }
        foreach (var f in funnels)
        {
            p.Raw("<figure>\n<figcaption>").Text($"{Label(f.MeasureKey)} by clinician (target {FunnelNumber(f, f.Result.Target)}, overdispersion φ {F(f.Result.Phi, "0.00")})").Raw("</figcaption>\n");
            FunnelChart(p, f);
            FunnelTable(p, f);
            if (f.UnitsWithoutValue > 0)
                p.Raw("<p class=\"small\">").Text($"{f.UnitsWithoutValue} clinician(s) with too few records for a value are not in the funnel.").Raw("</p>\n");
            p.Raw("</figure>\n");
        }
        p.Raw("</section>\n");
    }

    private static void FunnelChart(Page p, MeasureFunnel f)
    {
        const int left = 60, right = 120, top = 16, bottom = 44, width = 760, height = 300;
        double plotW = width - left - right, plotH = height - top - bottom;
        var r = f.Result;
        var shown = Enumerable.Range(0, f.UnitKeys.Length).Where(i => !SmallCellRule.IsSuppressed((long)Math.Round(f.Denominators[i]))).ToList();
        double maxN = Math.Max(1, f.Denominators.DefaultIfEmpty(1).Max() * 1.08);
        double minN = Math.Max(maxN / 200, f.Denominators.Where(d => d > 0).DefaultIfEmpty(1).Min() * 0.5);
        var ys = shown.Select(i => r.Units[i].Value).Append(r.Target).ToList();
        var atMin = r.LimitsAt(Math.Max(minN, f.Denominators.Min()));
        ys.Add(atMin.Lower998);
        ys.Add(atMin.Upper998);
        double lo = ys.Min(), hi = ys.Max(), pad = Math.Max((hi - lo) * 0.06, 1e-6);
        lo = Math.Max(f.DataType == FunnelDataType.Proportion ? 0 : double.NegativeInfinity, lo - pad);
        hi += pad;
        double X(double n) => left + n / maxN * plotW;
        double Y(double v) => top + (hi - Math.Clamp(v, lo, hi)) / (hi - lo) * plotH;
        p.Raw(Svg($"<svg class=\"chart funnel\" id=\"chart-funnel-{Id(f.MeasureKey)}\" role=\"img\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\">\n"));
        p.Raw("<title>").Text($"Funnel plot of {Label(f.MeasureKey)} by clinician").Raw("</title>\n");
        p.Raw(Svg($"<rect x=\"{left}\" y=\"{top}\" width=\"{plotW}\" height=\"{plotH}\" class=\"plot\"/>\n"));
        foreach (double t in Ticks(lo, hi, 5))
            p.Raw(Svg($"<text x=\"{left - 6}\" y=\"{Y(t) + 4:0.#}\" text-anchor=\"end\" class=\"axis\">")).Text(FunnelNumber(f, t)).Raw("</text>\n");
        foreach (double t in Ticks(0, maxN, 6))
            p.Raw(Svg($"<text x=\"{X(t):0.#}\" y=\"{top + plotH + 16}\" text-anchor=\"middle\" class=\"axis\">{F(t, "#,0")}</text>\n"));
        p.Raw(Svg($"<text x=\"{left + plotW / 2}\" y=\"{height - 8}\" text-anchor=\"middle\" class=\"lbl\">cases the value rests on →</text>\n"));
        var grid = Enumerable.Range(0, 81).Select(i => minN + (maxN - minN) * i / 80.0).ToList();
        var limits = grid.Select(n => (N: n, L: r.LimitsAt(n))).ToList();
        void Curve(Func<FunnelLimits, double> pick, string css) =>
            p.Raw(Svg($"<polyline fill=\"none\" class=\"{css}\" points=\"")).Raw(string.Join(" ", limits.Select(x => Svg($"{X(x.N):0.#},{Y(pick(x.L)):0.#}")))).Raw("\"/>\n");
        Curve(l => l.Upper998, "limit");
        Curve(l => l.Lower998, "limit");
        Curve(l => l.Upper95, "limit95");
        Curve(l => l.Lower95, "limit95");
        p.Raw(Svg($"<line x1=\"{left}\" y1=\"{Y(r.Target):0.#}\" x2=\"{left + plotW}\" y2=\"{Y(r.Target):0.#}\" class=\"mean\"/>\n"));
        p.Raw(Svg($"<text x=\"{left + plotW + 6}\" y=\"{Y(r.Target) + 4:0.#}\" class=\"lbl-mean\">")).Text($"target {FunnelNumber(f, r.Target)}").Raw("</text>\n");
        var last = limits[^1].L;
        p.Raw(Svg($"<text x=\"{left + plotW + 6}\" y=\"{Math.Min(Y(last.Upper998), Y(r.Target) - 13) + 4:0.#}\" class=\"lbl-limit\">99.8 %</text>\n"));
        foreach (int i in shown)
        {
            var u = r.Units[i];
            string css = u.Outside998 ? "fn-out" : u.Outside95 ? "fn-warn" : "fn-in";
            p.Raw(Svg($"<circle cx=\"{X(f.Denominators[i]):0.#}\" cy=\"{Y(u.Value):0.#}\" r=\"5\" class=\"{css}\"><title>"))
             .Text($"{f.UnitKeys[i]}: {FunnelNumber(f, u.Value)} of {CardText.Count((long)Math.Round(f.Denominators[i]))} — {InsideWords(u)}").Raw("</title></circle>\n");
            if (u.Outside998)
                p.Raw(Svg($"<text x=\"{X(f.Denominators[i]) + 8:0.#}\" y=\"{Y(u.Value) + 4:0.#}\" class=\"val halo\">")).Text(f.UnitKeys[i]).Raw("</text>\n");
        }
        p.Raw("</svg>\n");
    }

    private static void FunnelTable(Page p, MeasureFunnel f)
    {
        p.Raw("<table class=\"funnel-units\">\n<thead><tr><th>Clinician</th><th class=\"num\">n</th><th class=\"num\">Value</th><th class=\"num\">z</th><th>Against the limits</th></tr></thead>\n<tbody>\n");
        for (int i = 0; i < f.UnitKeys.Length; i++)
        {
            var u = f.Result.Units[i];
            p.Raw("<tr><td>").Text(f.UnitKeys[i]).Raw("</td><td class=\"num\">").Text(CardText.Count((long)Math.Round(f.Denominators[i])))
             .Raw("</td><td class=\"num\">").Text(FunnelNumber(f, u.Value)).Raw("</td><td class=\"num\">").Text(F(u.Z, "0.00"))
             .Raw("</td><td>").Text(InsideWords(u)).Raw("</td></tr>\n");
        }
        p.Raw("</tbody>\n</table>\n");
    }

    internal static string InsideWords(FunnelUnit u) =>
        u.Outside998 ? "outside the 99.8 % limits" : u.Outside95 ? "inside the 99.8 % limits (outside 95 %)" : "inside";

    private static string FunnelValue(MeasureFunnel f, string key)
    {
        int i = f.UnitKeys.IndexOf(key);
        return i < 0 ? "" : $"{FunnelNumber(f, f.Result.Units[i].Value)}, n = {CardText.Count((long)Math.Round(f.Denominators[i]))}";
    }

    /// <summary>A funnel value in its unit: a proportion as a percentage, a rate per 1,000 as it is.</summary>
    internal static string FunnelNumber(MeasureFunnel f, double v) =>
        f.DataType == FunnelDataType.Proportion && f.Result.Multiplier == 1 ? CardText.Value(v, ScoreScale.Proportion) : F(v, "0.##");

    private static SeriesPoint? LatestPoint(MeasureSeries s) => s.Points.LastOrDefault(x => x.Value is not null);

    internal static string PeriodLabel(MeasurementPeriod period, PeriodGrain grain) => grain switch
    {
        PeriodGrain.Week => string.Create(CultureInfo.InvariantCulture,
            $"{ISOWeek.GetYear(period.Start.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(period.Start.ToDateTime(TimeOnly.MinValue)):00}"),
        PeriodGrain.Quarter => string.Create(CultureInfo.InvariantCulture, $"{period.Start.Year}-Q{(period.Start.Month - 1) / 3 + 1}"),
        _ => period.Start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
    };

    private static string GrainWords(PeriodGrain grain) => grain switch
    {
        PeriodGrain.Week => "week by week",
        PeriodGrain.Quarter => "quarter by quarter",
        _ => "month by month",
    };

    private static string ChartName(MeasureSeries s) => s.Chart?.Kind switch
    {
        null => "no chart",
        SpcChartKind.PPrime => "p′ chart",
        SpcChartKind.UPrime => "u′ chart",
        SpcChartKind.P => "p chart",
        SpcChartKind.U => "u chart",
        SpcChartKind.I => "XmR chart",
        SpcChartKind.Run => "run chart",
        { } k => $"{k.ToString().ToLowerInvariant()} chart",
    };

    private static Dictionary<string, ScoreScale> PracticeScales(PracticeEvaluation e) =>
        e.Cards.Where(c => c.Scope.Level == ScopeLevel.Practice).GroupBy(c => c.MeasureKey, StringComparer.Ordinal)
               .ToDictionary(g => g.Key, g => g.First().Scale, StringComparer.Ordinal);
}

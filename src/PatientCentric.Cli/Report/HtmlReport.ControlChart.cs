using PatientCentric.Control;

namespace PatientCentric.Cli.Report;

// One drawing of a control chart, used by the assumption monitors (XmR) and the trends (any SPC chart): points coloured
// by point type, the centre line and process limits drawn point by point (so per-point limits of p′ and u′ charts show
// as they are, and a rebase starts a new line), gaps left empty, an optional reference line (break-even or target),
// and labels of the last centre line and limits on the right.
internal static partial class HtmlReport
{
    /// <summary>One plotted period. <paramref name="Value"/> <see langword="null"/> is a gap; <paramref name="Centre"/>,
    /// <paramref name="Lower"/> and <paramref name="Upper"/> <see langword="null"/> draw no line there (a run chart has no
    /// limits); <paramref name="NewSegment"/> starts new lines (a rebase).</summary>
    private readonly record struct ChartPoint(string Period, double? Value, double? Centre, double? Lower, double? Upper,
                                              PointType Type, string Note, bool NewSegment = false);

    /// <summary>A horizontal reference line: the value, its label and its CSS classes (line, label).</summary>
    private readonly record struct ChartLine(double Value, string Label, string LineCss, string LabelCss);

    private static void ControlChart(Page p, string id, string title, IReadOnlyList<ChartPoint> points, ChartLine? reference,
                                     int height, string centreName, Func<double, string> format)
    {
        const int left = 60, right = 150, top = 16, bottom = 44, width = 760;
        double plotW = width - left - right, plotH = height - top - bottom;
        var values = points.SelectMany(x => new[] { x.Value, x.Centre, x.Lower, x.Upper }).OfType<double>().Where(double.IsFinite).ToList();
        if (reference is { } r0)
            values.Add(r0.Value);
        p.Raw(Svg($"<svg class=\"chart spc\" id=\"{id}\" role=\"img\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\">\n"));
        p.Raw("<title>").Text(title).Raw("</title>\n");
        p.Raw(Svg($"<rect x=\"{left}\" y=\"{top}\" width=\"{plotW}\" height=\"{plotH}\" class=\"plot\"/>\n"));
        if (values.Count == 0)
        {
            p.Raw(Svg($"<text x=\"{left + 10}\" y=\"{top + plotH / 2}\" class=\"mark\">")).Text("No period has a value.").Raw("</text>\n</svg>\n");
            return;
        }
        double lo = values.Min(), hi = values.Max(), pad = Math.Max((hi - lo) * 0.08, 1e-6);
        lo -= pad;
        hi += pad;
        double X(double i) => left + (points.Count <= 1 ? plotW / 2 : i / (points.Count - 1) * plotW);
        double Y(double v) => top + (hi - v) / (hi - lo) * plotH;
        foreach (double t in Ticks(lo, hi, 5))
            p.Raw(Svg($"<text x=\"{left - 6}\" y=\"{Y(t) + 4:0.#}\" text-anchor=\"end\" class=\"axis\">")).Text(format(t)).Raw("</text>\n");

        // Centre line and process limits: one polyline per run of consecutive points that have the line.
        void Lines(Func<ChartPoint, double?> pick, string css)
        {
            var run = new List<(double X, double Y)>();
            void Flush()
            {
                if (run.Count == 1)
                    p.Raw(Svg($"<line x1=\"{run[0].X - 4:0.#}\" y1=\"{run[0].Y:0.#}\" x2=\"{run[0].X + 4:0.#}\" y2=\"{run[0].Y:0.#}\" class=\"{css}\"/>\n"));
                else if (run.Count > 1)
                    p.Raw(Svg($"<polyline fill=\"none\" class=\"{css}\" points=\"")).Raw(string.Join(" ", run.Select(q => Svg($"{q.X:0.#},{q.Y:0.#}")))).Raw("\"/>\n");
                run.Clear();
            }
            for (int i = 0; i < points.Count; i++)
            {
                if (points[i].NewSegment || pick(points[i]) is not { } v || !double.IsFinite(v))
                    Flush();
                if (pick(points[i]) is { } w && double.IsFinite(w))
                    run.Add((X(i), Y(w)));
            }
            Flush();
        }
        Lines(x => x.Centre, "mean");
        Lines(x => x.Upper, "limit");
        Lines(x => x.Lower, "limit");

        var labels = new List<(double Y, string Text, string Css)>();
        if (points.LastOrDefault(x => x.Centre is not null) is { Centre: { } centre } last)
        {
            labels.Add((Y(centre), $"{centreName} {format(centre)}", "lbl-mean"));
            if (last.Upper is { } u)
                labels.Add((Y(u), $"upper limit {format(u)}", "lbl-limit"));
            if (last.Lower is { } l)
                labels.Add((Y(l), $"lower limit {format(l)}", "lbl-limit"));
        }
        if (reference is { } r)
        {
            p.Raw(Svg($"<line x1=\"{left}\" y1=\"{Y(r.Value):0.#}\" x2=\"{left + plotW}\" y2=\"{Y(r.Value):0.#}\" class=\"{r.LineCss}\"/>\n"));
            labels.Add((Y(r.Value), $"{r.Label} {format(r.Value)}", r.LabelCss));
        }
        // Right-hand labels, nudged apart so they never overlap.
        labels.Sort((a, z) => a.Y.CompareTo(z.Y));
        double prev = double.NegativeInfinity;
        foreach (var (y, text, css) in labels)
        {
            double ly = Math.Max(y + 4, prev + 13);
            prev = ly;
            p.Raw(Svg($"<text x=\"{left + plotW + 6}\" y=\"{ly:0.#}\" class=\"{css}\">")).Text(text).Raw("</text>\n");
        }

        // The values: one polyline per run without a gap, then the points.
        var segment = new List<string>();
        void FlushSeries()
        {
            if (segment.Count > 1)
                p.Raw("<polyline class=\"series\" points=\"").Raw(string.Join(" ", segment)).Raw("\"/>\n");
            segment.Clear();
        }
        for (int i = 0; i < points.Count; i++)
        {
            if (points[i].Value is { } v)
                segment.Add(Svg($"{X(i):0.#},{Y(v):0.#}"));
            else
                FlushSeries();
        }
        FlushSeries();
        int every = Math.Max(1, (int)Math.Ceiling(points.Count / 12.0));
        for (int i = 0; i < points.Count; i++)
        {
            var pt = points[i];
            if (pt.Value is { } v)
                p.Raw(Svg($"<circle cx=\"{X(i):0.#}\" cy=\"{Y(v):0.#}\" r=\"5\" fill=\"{PointColour(pt.Type)}\" class=\"pt pt-{Id(pt.Type.ToString())}\"><title>"))
                 .Text(pt.Note).Raw("</title></circle>\n");
            if (i % every == 0 || i == points.Count - 1)
                p.Raw(Svg($"<text x=\"{X(i):0.#}\" y=\"{top + plotH + 16}\" text-anchor=\"middle\" class=\"axis\">")).Text(pt.Period).Raw("</text>\n");
        }
        p.Raw("</svg>\n");
    }

    /// <summary>The words for one point: "2025-06: 0.37 — Special cause — improvement (a shift: …)".</summary>
    private static string PointNote(string period, string value, PointType type, SpecialCauseRule rule) =>
        $"{period}: {value} — {PlainWords.Capital(PlainWords.Of(type))}{(rule != SpecialCauseRule.None ? $" ({PlainWords.Of(rule)})" : "")}";
}

using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using PatientCentric.Control;
using PatientCentric.Records;
using PatientCentric.Scoring;
using PatientCentric.Value;

namespace PatientCentric.Cli.Report;

/// <summary>Writes one self-contained HTML page (inline CSS and inline SVG, no script, nothing fetched from the network)
/// summarising a practice evaluation for a practice manager. Privacy (docs/guardrails.md): counts 1–10 are shown as &lt;11,
/// no patient key or patient card is written, every text is HTML-encoded and any patient key that would slip into a
/// text is replaced by [patient].</summary>
internal static partial class HtmlReport
{
    private const string Improvement = "#1f77b4", Concern = "#e07b00", Neutral = "#7b3fa0", Common = "#8a8f98", Ink = "#1d2733";

    /// <summary>Measures whose cards carry a median and a P90 (touchpoint distributions), in display order.</summary>
    private static readonly string[] DistributionMeasures =
        ["lead-time", "tnaa", "wait-to-be-seen", "cycle-time", "portal-response", "statement-to-payment-days"];

    /// <summary>The headline cards shown at the top, when present.</summary>
    private static readonly string[] Headlines =
        ["nps:recommend", "no-show-rate", "lead-time", "wait-to-be-seen", "on-time-start-rate", "portal-response", "cahps:access", "clean-claim-rate"];

    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["lead-time"] = "Appointment lead time",
        ["no-show-rate"] = "No-show rate",
        ["same-day-cancellation-rate"] = "Same-day cancellation rate",
        ["missed-appointment-rate"] = "Missed-appointment rate",
        ["telehealth-share"] = "Telehealth share of visits",
        ["tnaa"] = "Third next available appointment",
        ["wait-to-be-seen"] = "Wait to be seen",
        ["cycle-time"] = "Visit cycle time",
        ["on-time-start-rate"] = "Visits started on time",
        ["portal-response"] = "Portal message response time",
        ["call-abandonment-rate"] = "Calls abandoned",
        ["average-speed-of-answer"] = "Average speed of answer",
        ["call-service-level"] = "Calls answered within target",
        ["clean-claim-rate"] = "Clean claim rate",
        ["initial-denial-rate"] = "Initial denial rate",
        ["price-estimate-accuracy"] = "Price estimates accurate",
        ["statement-to-payment-days"] = "Statement to payment",
        ["billing-complaints-per-1000-statements"] = "Billing complaints",
        ["post-visit-contact-rate"] = "Post-visit contact rate",
        ["nps:recommend"] = "Net Promoter Score",
        ["referral-closure"] = "Referrals closed",
        ["rating"] = "0–10 rating",
    };

    /// <summary>Renders the page; <paramref name="fhir"/> (FHIR input only) adds the "Data read from FHIR" section.</summary>
    public static string Render(PracticeEvaluation e, PracticeDataSet data, string source, FhirInput? fhir = null, DataCensus? census = null)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        Render(text, e, data, source, fhir, census);
        return text.ToString();
    }

    /// <summary>Renders the page to <paramref name="output"/> as it goes (not flushed or closed); <paramref name="census"/>
    /// counts the records read when <paramref name="data"/> does not hold them (an export read in partitions), and
    /// <paramref name="patients"/> gives the patient cards and support plans when <paramref name="e"/> does not hold them.</summary>
    public static void Render(TextWriter output, PracticeEvaluation e, PracticeDataSet data, string source, FhirInput? fhir = null, DataCensus? census = null, PatientOutputs? patients = null)
    {
        var n = census ?? DataCensus.Of(data);
        patients ??= PatientOutputs.Of(e);
        var (keys, plans) = PatientKeysAndPlans(patients, data);
        var page = new Page(keys, output);
        var names = data.ServiceLines.ToDictionary(s => s.Key, s => s.Name, StringComparer.Ordinal);
        string ScopeName(ScoreScope s) => s.Level == ScopeLevel.Practice ? "Whole practice" : names.GetValueOrDefault(s.Key, s.Key);

        page.Raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        page.Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        page.Raw("<title>").Text($"Patient experience report — {e.PracticeName}").Raw("</title>\n<style>\n").Raw(Css).Raw("</style>\n</head>\n<body>\n<main>\n");

        WriteHeader(page, e, data, source, n);
        WriteProfile(page, e);
        WriteHeadlines(page, e);
        WriteFhirInput(page, fhir, n);
        WriteNotScored(page, e, ScopeName);
        WriteCardTables(page, e, ScopeName);
        WriteDistributions(page, e, ScopeName);
        WriteTrends(page, e);
        WriteAdherence(page, e);
        WriteFunnels(page, e);
        WriteSupportPlans(page, plans);
        WriteDecision(page, e, data);
        WriteAssumptions(page, e, data);
        WriteLoyaltyDrivers(page, e);
        WriteReviews(page, e, data);
        WriteGuardrails(page, e);

        page.Raw("<footer>\n<p class=\"note\"><strong>Note.</strong> ").Text(ConsoleReport.DimensionsNote).Raw("</p>\n");
        page.Raw("<p>").Text("Privacy: counts from 1 to 10 are shown as <11 (small-cell suppression, CMS cell-size policy). " +
                             "This page names no patient and carries no patient identifier; support plans are shown as counts only. " +
                             "Every number is also in results.json next to this file.").Raw("</p>\n");
        page.Raw("<p>").Text("Made by patientcentric report. This file is self-contained: it loads nothing from the network and runs no script.").Raw("</p>\n");
        page.Raw("</footer>\n</main>\n</body>\n</html>\n");
    }

    private static void WriteHeader(Page p, PracticeEvaluation e, PracticeDataSet data, string source, DataCensus n)
    {
        p.Raw("<header>\n<h1>").Text(e.PracticeName).Raw("</h1>\n<p class=\"sub\">").Text("Patient experience report").Raw("</p>\n<dl class=\"meta\">\n");
        p.Raw("<dt>Period</dt><dd>").Text(string.Create(CultureInfo.InvariantCulture, $"{e.Period.Start:d MMMM yyyy} to {e.Period.End:d MMMM yyyy}")).Raw("</dd>\n");
        p.Raw("<dt>Evaluated</dt><dd>").Text(string.Create(CultureInfo.InvariantCulture, $"{e.AsOf.ToUniversalTime():d MMMM yyyy, HH:mm} UTC")).Raw("</dd>\n");
        p.Raw("<dt>Time zone</dt><dd>").Text(e.TimeZone).Raw("</dd>\n");
        p.Raw("<dt>Data</dt><dd>").Text(source).Raw("</dd>\n</dl>\n");
        p.Raw("<p class=\"small\">").Text(
            $"Read: {data.ServiceLines.Length} service line(s), {CardText.Count(n.Appointments)} appointments, " +
            $"{CardText.Count(n.SurveyReturns)} survey returns, {CardText.Count(n.MedicationFills)} medication fills, " +
            $"{CardText.Count(n.Referrals)} referrals, {CardText.Count(n.Claims)} claims, {CardText.Count(n.Jobs)} patient jobs, " +
            $"{CardText.Count(n.Reviews)} reviews.").Raw("</p>\n");
        p.Raw("<p class=\"note\"><strong>Read this first.</strong> ").Text(ConsoleReport.DimensionsNote).Raw("</p>\n</header>\n");
    }

    private static void WriteProfile(Page p, PracticeEvaluation e)
    {
        var w = e.Profile.Weights;
        p.Section("profile", "How the scores are weighted");
        p.Raw("<p>").Text($"Profile {e.Profile.Key}: {e.Profile.Description}").Raw("</p>\n");
        var rows = new (string Label, double Value, string Text, string Css)[]
        {
            ("Customer service", w.CustomerService, F(w.CustomerService, "0.00"), "bar-a"),
            ("Quality of care", w.QualityOfCare, F(w.QualityOfCare, "0.00"), "bar-b"),
            ("Cost effectiveness", w.CostEffectiveness, F(w.CostEffectiveness, "0.00"), "bar-c"),
        };
        BarChart(p, "chart-profile-weights", "The profile's three weights (they add up to 1)", rows, 1.0);
        p.Raw("<p><strong>Why these weights:</strong> ").Text(e.Profile.Rationale).Raw("</p>\n");
        p.Raw("<p class=\"small\">").Text("These weights are library starting points, not published values.").Raw("</p>\n</section>\n");
    }

    private static void WriteHeadlines(Page p, PracticeEvaluation e)
    {
        var cards = Headlines.Select(k => e.Cards.FirstOrDefault(c => c.Scope == ScoreScope.Practice && c.MeasureKey == k)).OfType<ScoreCard>().ToList();
        if (cards.Count == 0)
            return;
        p.Section("headlines", "Headline scores for the whole practice");
        p.Raw("<div class=\"cards\">\n");
        foreach (var c in cards)
        {
            string status = StatusCss(c.Status);
            p.Raw($"<div class=\"card {status}\">\n<div class=\"card-label\">").Text(Label(c.MeasureKey)).Raw("</div>\n<div class=\"card-value\">").Text(CardText.Value(c)).Raw("</div>\n");
            p.Raw("<div class=\"card-n\">").Text($"n = {CardText.Count(c.EvidenceCount)} · {CardText.Status(c.Status)}").Raw("</div>\n");
            p.Raw("<div class=\"card-detail\">").Text(CardText.Detail(c)).Raw("</div>\n</div>\n");
        }
        p.Raw("</div>\n<p class=\"small\">").Text("n is how many records the value rests on. Every measure, for the practice and for each service line, is in the tables below.").Raw("</p>\n</section>\n");
    }

    private static void WriteNotScored(Page p, PracticeEvaluation e, Func<ScoreScope, string> scopeName)
    {
        var missing = e.Cards.Where(c => c.Scope.Level is ScopeLevel.Practice or ScopeLevel.ServiceLine && c.Status is ScoreStatus.NotApplicable or ScoreStatus.InsufficientData or ScoreStatus.Suppressed).ToList();
        p.Section("not-scored", "What could not be scored");
        if (missing.Count == 0)
        {
            p.Raw("<p>").Text("Every measure for the practice and its service lines had its data, and enough of it.").Raw("</p>\n");
        }
        else
        {
            p.Raw("<p>").Text("These measures have no value: the data does not record what they need (not applicable), has too little of it (insufficient data), or the count was too small to show (suppressed). None of them is a zero. They are marked the same way in the tables.").Raw("</p>\n<ul>\n");
            foreach (var c in missing)
                p.Raw("<li><span class=\"badge ").Raw(StatusCss(c.Status)).Raw("\">").Text(CardText.Status(c.Status)).Raw("</span> ")
                 .Text($"{scopeName(c.Scope)} · {Label(c.MeasureKey)}: {c.StatusReason ?? ""}").Raw("</li>\n");
            p.Raw("</ul>\n");
        }
        p.Raw("</section>\n");
    }

    private static void WriteCardTables(Page p, PracticeEvaluation e, Func<ScoreScope, string> scopeName)
    {
        p.Section("scores", "All scores, for the practice and each service line");
        p.Raw("<p class=\"small\">").Text("Value: the score on its own scale. n: records it rests on. Excluded: records set aside for breaking a rule. " +
                                          "Status ok means scored; anything else is explained in the last column.").Raw("</p>\n");
        foreach (var scope in e.Cards.Select(c => c.Scope).Where(s => s.Level is ScopeLevel.Practice or ScopeLevel.ServiceLine).Distinct())
        {
            var cards = e.Cards.Where(c => c.Scope == scope && c.Status != ScoreStatus.GuardrailBlocked).ToList();
            p.Raw("<h3 id=\"scope-").Raw(Id(scope.Key)).Raw("\">").Text(scope.Level == ScopeLevel.Practice ? "Whole practice" : $"Service line: {scopeName(scope)}").Raw("</h3>\n");
            p.Raw("<table class=\"scores\">\n<thead><tr><th>Measure</th><th class=\"num\">Value</th><th class=\"num\">n</th><th class=\"num\">Excluded</th><th>Status</th><th>Explanation</th></tr></thead>\n<tbody>\n");
            foreach (var c in cards)
            {
                bool rubric = c.MeasureKey.StartsWith("commitment:", StringComparison.Ordinal);
                p.Raw("<tr><td>").Text(Label(c.MeasureKey)).Raw("<br><code>").Text(c.MeasureKey).Raw("</code></td><td class=\"num\">").Text(CardText.Value(c))
                 .Raw("</td><td class=\"num\">").Text(rubric ? $"{c.EvidenceCount} measures" : CardText.Count(c.EvidenceCount))
                 .Raw("</td><td class=\"num\">").Text(CardText.Count(c.ExcludedCount))
                 .Raw("</td><td><span class=\"badge ").Raw(StatusCss(c.Status)).Raw("\">").Text(CardText.Status(c.Status)).Raw("</span></td><td>").Text(CardText.Detail(c)).Raw("</td></tr>\n");
            }
            p.Raw("</tbody>\n</table>\n");
        }
        p.Raw("</section>\n");
    }

    private static void WriteDistributions(Page p, PracticeEvaluation e, Func<ScoreScope, string> scopeName)
    {
        p.Section("distributions", "How long patients wait: median and 90th percentile");
        p.Raw("<p>").Text("For each time measure, the dark bar is the median (half of patients had less) and the light bar is the 90th percentile " +
                          "(nine in ten had less). A long light bar means some patients wait much longer than is typical.").Raw("</p>\n");
        bool any = false;
        foreach (string key in DistributionMeasures)
        {
            var cards = e.Cards.Where(c => c.MeasureKey == key && c.Scope.Level is ScopeLevel.Practice or ScopeLevel.ServiceLine).ToList();
            if (cards.Count == 0)
                continue;
            any = true;
            var rows = cards.Select(c => (Scope: scopeName(c.Scope), Card: c, Median: Component(c, "median") ?? c.Value, P90: Component(c, "p90"))).ToList();
            double max = Math.Max(1e-9, rows.Max(r => Math.Max(r.P90 ?? 0, r.Median ?? 0)));
            const int left = 170, width = 470, rowHeight = 40, top = 10;
            int height = top + rows.Count * rowHeight + 10;
            p.Raw("<figure>\n<figcaption>").Text($"{Label(key)} ({UnitName(cards[0].Scale)})").Raw("</figcaption>\n");
            p.Raw(string.Create(CultureInfo.InvariantCulture, $"<svg class=\"chart\" id=\"chart-distribution-{Id(key)}\" role=\"img\" viewBox=\"0 0 760 {height}\" width=\"760\" height=\"{height}\">\n"));
            p.Raw("<title>").Text($"{Label(key)}: median and 90th percentile per scope").Raw("</title>\n");
            for (int i = 0; i < rows.Count; i++)
            {
                var r = rows[i];
                double y = top + i * rowHeight;
                p.Raw(Svg($"<text x=\"{left - 8}\" y=\"{y + 20}\" text-anchor=\"end\" class=\"lbl\">")).Text(r.Scope).Raw("</text>\n");
                if (r.Card.Status != ScoreStatus.Ok || r.Median is null)
                {
                    p.Raw(Svg($"<text x=\"{left}\" y=\"{y + 20}\" class=\"mark\">")).Text($"no value: {CardText.Status(r.Card.Status)}").Raw("</text>\n");
                    continue;
                }
                if (r.P90 is { } p90)
                {
                    p.Raw(Svg($"<rect x=\"{left}\" y=\"{y + 4}\" width=\"{Math.Max(1, p90 / max * width):0.#}\" height=\"28\" class=\"p90\"/>\n"));
                    p.Raw(Svg($"<text x=\"{left + p90 / max * width + 6:0.#}\" y=\"{y + 15}\" class=\"val\">")).Text($"P90 {CardText.Value(p90, r.Card.Scale)}").Raw("</text>\n");
                }
                double m = r.Median.Value;
                p.Raw(Svg($"<rect x=\"{left}\" y=\"{y + 12}\" width=\"{Math.Max(1, m / max * width):0.#}\" height=\"12\" class=\"median\"/>\n"));
                p.Raw(Svg($"<text x=\"{left + (r.P90 ?? m) / max * width + 6:0.#}\" y=\"{y + 29}\" class=\"val\">")).Text($"median {CardText.Value(m, r.Card.Scale)}").Raw("</text>\n");
            }
            p.Raw("</svg>\n</figure>\n");
        }
        if (!any)
            p.Raw("<p class=\"mark\">").Text("No time measures in this data set.").Raw("</p>\n");
        p.Raw("</section>\n");
    }

    private static void WriteAdherence(Page p, PracticeEvaluation e)
    {
        var cards = e.Cards.Where(c => c.Scope == ScoreScope.Practice && c.MeasureKey.StartsWith("pdc:", StringComparison.Ordinal)).ToList();
        p.Section("adherence", "Medication adherence (proportion of days covered)");
        if (cards.Count == 0)
        {
            p.Raw("<p class=\"mark\">").Text("No medication fills in this data set: adherence is not shown.").Raw("</p>\n</section>\n");
            return;
        }
        p.Raw("<p>").Text("Left: the share of patients who had medicine on hand on at least 80 % of days (adherent). " +
                          "Right: how the patients' own coverage is spread — the box runs from the lower quartile (Q1: a quarter of patients are below it) to the upper quartile (Q3), " +
                          "the thick line inside is the median; " +
                          "the dashed line is the 80 % threshold.").Raw("</p>\n");
        const int rowHeight = 52, top = 28, label = 140, barW = 250, boxX = 450, boxW = 280;
        int height = top + cards.Count * rowHeight + 24;
        p.Raw(Svg($"<svg class=\"chart\" id=\"chart-adherence-pdc\" role=\"img\" viewBox=\"0 0 760 {height}\" width=\"760\" height=\"{height}\">\n"));
        p.Raw("<title>").Text("Adherence per medication class: adherent share and patient quartiles").Raw("</title>\n");
        p.Raw(Svg($"<text x=\"{label}\" y=\"16\" class=\"axis\">adherent patients (0–100 %)</text>\n"));
        p.Raw(Svg($"<text x=\"{boxX}\" y=\"16\" class=\"axis\">patients' own coverage (0–100 %)</text>\n"));
        double tx = boxX + 0.8 * boxW;
        p.Raw(Svg($"<line x1=\"{tx:0.#}\" y1=\"{top - 4}\" x2=\"{tx:0.#}\" y2=\"{height - 18}\" class=\"threshold\"/>\n"));
        p.Raw(Svg($"<text x=\"{tx:0.#}\" y=\"{height - 6}\" text-anchor=\"middle\" class=\"axis\">80 %</text>\n"));
        for (int i = 0; i < cards.Count; i++)
        {
            var c = cards[i];
            double y = top + i * rowHeight;
            p.Raw(Svg($"<text x=\"{label - 8}\" y=\"{y + 22}\" text-anchor=\"end\" class=\"lbl\">")).Text(c.MeasureKey["pdc:".Length..]).Raw("</text>\n");
            p.Raw(Svg($"<rect x=\"{label}\" y=\"{y + 8}\" width=\"{barW}\" height=\"22\" class=\"track\"/>\n"));
            if (c.Status == ScoreStatus.Ok && c.Value is { } v)
            {
                p.Raw(Svg($"<rect x=\"{label}\" y=\"{y + 8}\" width=\"{v * barW:0.#}\" height=\"22\" class=\"share\"/>\n"));
                p.Raw(Svg($"<text x=\"{label + 6}\" y=\"{y + 24}\" class=\"val inv\">")).Text($"{CardText.Value(v, ScoreScale.Proportion)} of {CardText.Count(c.EvidenceCount)}").Raw("</text>\n");
            }
            else
            {
                p.Raw(Svg($"<text x=\"{label + 6}\" y=\"{y + 24}\" class=\"mark\">")).Text(CardText.Status(c.Status)).Raw("</text>\n");
            }
            int patients = (int)(Component(c, "patients") ?? c.EvidenceCount);
            if (SmallCellRule.IsSuppressed(Math.Max(0, patients)))
            {
                p.Raw(Svg($"<text x=\"{boxX}\" y=\"{y + 24}\" class=\"mark\">")).Text("suppressed: fewer than 11 patients").Raw("</text>\n");
            }
            else if (Component(c, "patient-p25") is { } q1 && Component(c, "patient-median") is { } q2 && Component(c, "patient-p75") is { } q3)
            {
                double X(double f) => boxX + Math.Clamp(f, 0, 1) * boxW;
                p.Raw(Svg($"<line x1=\"{boxX}\" y1=\"{y + 19}\" x2=\"{boxX + boxW}\" y2=\"{y + 19}\" class=\"axisline\"/>\n"));
                p.Raw(Svg($"<rect x=\"{X(q1):0.#}\" y=\"{y + 8}\" width=\"{Math.Max(2, X(q3) - X(q1)):0.#}\" height=\"22\" class=\"box\"><title>"))
                 .Text($"quartiles {CardText.Value(q1, ScoreScale.Proportion)} · {CardText.Value(q2, ScoreScale.Proportion)} · {CardText.Value(q3, ScoreScale.Proportion)}").Raw("</title></rect>\n");
                p.Raw(Svg($"<line x1=\"{X(q2):0.#}\" y1=\"{y + 6}\" x2=\"{X(q2):0.#}\" y2=\"{y + 32}\" class=\"medianline\"/>\n"));
                p.Raw(Svg($"<text x=\"{boxX}\" y=\"{y + 44}\" class=\"val halo\">"))
                 .Text($"Q1 {CardText.Value(q1, ScoreScale.Proportion)} · median {CardText.Value(q2, ScoreScale.Proportion)} · Q3 {CardText.Value(q3, ScoreScale.Proportion)}").Raw("</text>\n");
            }
            else
            {
                p.Raw(Svg($"<text x=\"{boxX}\" y=\"{y + 24}\" class=\"mark\">")).Text("quartiles not available").Raw("</text>\n");
            }
        }
        p.Raw("</svg>\n");
        p.Raw("<p class=\"small\">").Text("Proportion of days covered (PQA method): only patients with two or more fills are in the adherent share. " +
                                          "Adherence scores are for support only, never to ration care.").Raw("</p>\n</section>\n");
    }

    private static void WriteSupportPlans(Page p, SupportPlanSummary summary)
    {
        p.Section("support-plans", "Support plans (counts only)");
        p.Raw("<p><strong>Advisory only:</strong> ").Text("a support plan is never a reason to deny, discharge, deprioritise or re-price care. " +
                                                          "Which patients have a plan is kept out of this page on purpose; the care team sees it in the practice's own systems.").Raw("</p>\n");
        if (summary.Patients == 0)
        {
            p.Raw("<p>").Text("No patient has a job below its threshold.").Raw("</p>\n</section>\n");
            return;
        }
        p.Raw("<p>").Text($"{CardText.Count(summary.Patients)} patients have a plan, with {CardText.Count(summary.Jobs)} jobs to support.").Raw("</p>\n");
        p.Raw("<table>\n<thead><tr><th>Job</th><th class=\"num\">Patients</th><th>Barrier recorded</th><th>Suggested supports</th></tr></thead>\n<tbody>\n");
        foreach (var (kind, g) in summary.Kinds)
        {
            p.Raw("<tr><td>").Text(PlainWords.Capital(PlainWords.Of(kind))).Raw("</td><td class=\"num\">").Text(CardText.Count(g.Patients))
             .Raw("</td><td>").Text(g.BarrierText()).Raw("</td><td>").Text(g.SupportText()).Raw("</td></tr>\n");
        }
        p.Raw("</tbody>\n</table>\n</section>\n");
    }

    private static void WriteDecision(Page p, PracticeEvaluation e, PracticeDataSet data)
    {
        p.Section("primary-customer", "Who is the primary customer?");
        if (e.Decision is not { } d || data.PrimaryCustomer is not { } pc)
        {
            p.Raw("<p class=\"mark\">").Text("Not decided: the data set carries no stakeholder assessments.").Raw("</p>\n</section>\n");
            return;
        }
        var names = pc.Stakeholders.ToDictionary(s => s.Key, s => s.Name, StringComparer.Ordinal);
        string Name(string? key) => key is null ? "(tie)" : names.GetValueOrDefault(key, key);
        p.Raw("<p class=\"lead\">").Text(d.WinnerKey is null ? $"No single winner ({PlainWords.Of(d.Outcome)})." : $"{Name(d.WinnerKey)} — by the {d.StrategyKey} method" +
                                          (d.ScoreMargin is { } sm ? $", ahead of the runner-up by {F(sm, "0.000")} on a 0–1 scale." : ".")).Raw("</p>\n");
        var ok = d.Ranking.Where(c => c.Status == ScoreStatus.Ok && c.Value is not null).ToList();
        if (ok.Count > 0)
            BarChart(p, "chart-primary-customer", "Stakeholder scores (higher is a stronger claim to be the primary customer)",
                     ok.Select(c => (Name(c.Scope.Key), c.Value!.Value, F(c.Value!.Value, "0.000"), c.Scope.Key == d.WinnerKey ? "bar-a" : "bar-n")).ToArray(), 1.0);
        var screened = d.Ranking.Where(c => c.Status != ScoreStatus.Ok).ToList();
        if (screened.Count > 0)
        {
            p.Raw("<ul class=\"small\">\n");
            foreach (var c in screened)
                p.Raw("<li>").Text($"{Name(c.Scope.Key)}: {CardText.Status(c.Status)} — {c.StatusReason ?? ""}").Raw("</li>\n");
            p.Raw("</ul>\n");
        }
        string margin = d.WeightMargin switch
        {
            { Status: Customers.WeightMarginStatus.Found, CriterionKey: { } c, Delta: { } delta } =>
                $"Changing the weight of {c} by {(delta >= 0 ? "+" : "")}{F(delta)} would make {Name(d.WeightMargin.NewWinnerKey)} the primary customer.",
            { Status: Customers.WeightMarginStatus.Robust } => "No single weight change alters the winner (robust).",
            _ => "Weight margin: not applicable.",
        };
        p.Raw("<p><strong>How safe is the choice?</strong> ").Text(margin + (d.IsRankReversalSensitive ? " Rank-reversal sensitive: removing or adding a rival changes the winner." : "")).Raw("</p>\n");
        var breakEvens = d.BreakEvens.Where(b => b.HasBreakEven).ToList();
        if (breakEvens.Count > 0)
        {
            p.Raw("<p>").Text($"Break-evens: the value at which {Name(breakEvens[0].RivalKey)} would tie with the winner on each assumption.").Raw("</p>\n");
            p.Raw("<table>\n<thead><tr><th>Assumption</th><th class=\"num\">Now</th><th class=\"num\">Break-even</th></tr></thead>\n<tbody>\n");
            foreach (var b in breakEvens)
                p.Raw("<tr><td>").Text(b.CriterionKey).Raw("</td><td class=\"num\">").Text(F(b.CurrentValue)).Raw("</td><td class=\"num\">").Text(F(b.Threshold!.Value)).Raw("</td></tr>\n");
            p.Raw("</tbody>\n</table>\n");
        }
        p.Raw("</section>\n");
    }

    private static void WriteAssumptions(Page p, PracticeEvaluation e, PracticeDataSet data)
    {
        p.Section("assumptions", "Do the decision's assumptions still hold? (SPC charts)");
        if (e.AssumptionCharts.IsEmpty)
        {
            p.Raw("<p class=\"mark\">").Text("No assumption is monitored: the data set binds no KPI series to the decision.").Raw("</p>\n</section>\n");
            return;
        }
        p.Raw("<p>").Text("Each chart follows one assumption month by month (XmR chart, NHS \"Making Data Count\" rules). The solid grey line is the mean, " +
                          "the dashed grey lines are the process limits (where ordinary month-to-month variation stays), and the red dashed line is the break-even: " +
                          "if the values reach it, the primary-customer decision should be revisited.").Raw("</p>\n");
        p.Raw("<p class=\"legend\">").Raw(Dot(Common)).Text(" common cause (ordinary variation) ").Raw(Dot(Improvement)).Text(" special cause — improvement (away from the break-even) ")
         .Raw(Dot(Concern)).Text(" special cause — concern (towards the break-even) ").Raw(Dot(Neutral)).Text(" special cause — neutral").Raw("</p>\n");
        foreach (var a in e.AssumptionAlerts)
            p.Raw("<p class=\"alert\"><strong>Alert — revisit the primary-customer decision.</strong> ").Text(a.Message).Raw("</p>\n");
        if (e.AssumptionAlerts.IsEmpty)
            p.Raw("<p>").Text("No assumption has stopped holding.").Raw("</p>\n");
        foreach (var c in e.AssumptionCharts)
        {
            var series = data.KpiSeries.FirstOrDefault(s => s.Key == c.Binding.SeriesKey);
            p.Raw("<figure>\n<figcaption>").Text($"{series?.Name ?? c.Binding.SeriesKey} — assumption “{c.Binding.StakeholderKey} · {c.Binding.CriterionKey}”").Raw("</figcaption>\n");
            SpcChart(p, c, series);
            p.Raw("<p class=\"icons\"><span class=\"icon\">").Text($"Variation: {PlainWords.Of(c.Variation)}").Raw("</span> ").Text(VariationText(c.Variation)).Raw("<br><span class=\"icon\">")
             .Text($"Assurance: {(c.Assurance is { } asr ? PlainWords.Of(asr) : "none")}").Raw("</span> ").Text(AssuranceText(c.Assurance, c.BreakEven)).Raw("</p>\n</figure>\n");
        }
        p.Raw("</section>\n");
    }

    private static void SpcChart(Page p, AssumptionChart c, KpiSeries? series)
    {
        var points = c.Chart.Points;
        bool periods = series is not null && series.Points.Length == points.Length;
        var chartPoints = new List<ChartPoint>(points.Length);
        foreach (var s in c.Chart.Segments)
        {
            for (int i = s.Start; i < s.Start + s.Count; i++)
            {
                var pt = points[i];
                string period = periods ? series!.Points[i].Period : (i + 1).ToString(CultureInfo.InvariantCulture);
                chartPoints.Add(new ChartPoint(period, pt.Value, s.Limits.Mean, s.Limits.LowerProcessLimit, s.Limits.UpperProcessLimit, pt.PointType,
                                               PointNote(period, F(pt.Value), pt.PointType, pt.SpecialCause), NewSegment: i == s.Start));
            }
        }
        ChartLine? breakEven = c.BreakEven is { } b ? new ChartLine(b, "break-even", "breakeven", "lbl-breakeven") : null;
        ControlChart(p, $"chart-spc-{Id(c.Binding.SeriesKey)}", $"XmR chart of {c.Binding.SeriesKey}", chartPoints, breakEven, 300, "mean", v => F(v));
    }

    private static void WriteLoyaltyDrivers(Page p, PracticeEvaluation e)
    {
        p.Section("loyalty-drivers", "What makes patients recommend the practice, and where to put effort");
        if (e.LoyaltyDrivers is not { } ld)
        {
            p.Raw("<p class=\"mark\">").Text("Not analysed: the surveys cannot support it (no recommend item, fewer than two report items, or too few complete returns).").Raw("</p>\n</section>\n");
            return;
        }
        var grid = ld.Grid;
        p.Raw("<p>").Text($"Importance is each survey item's share of what explains intent to recommend (Johnson's relative weights, R² {F(ld.Weights.RSquared, "0.00")}, " +
                          $"{CardText.Count((int)(ld.Weights.RespondentCount ?? 0))} complete returns). Performance is the share of top-box answers. " +
                          "Items top left matter most and perform worst: concentrate there.").Raw("</p>\n");
        var attrs = grid.Attributes;
        const int left = 60, top = 20, plotW = 460, plotH = 300, width = 760, height = 370;
        double xLo = Math.Floor(Math.Min(attrs.Min(a => a.Performance), grid.PerformanceCrosshair) / 10) * 10 - 5;
        double xHi = Math.Ceiling(Math.Max(attrs.Max(a => a.Performance), grid.PerformanceCrosshair) / 10) * 10 + 5;
        xLo = Math.Max(0, xLo);
        xHi = Math.Min(100, xHi);
        double yHi = Math.Ceiling(Math.Max(attrs.Max(a => a.Importance), grid.ImportanceCrosshair) / 10) * 10 + 5;
        double X(double v) => left + (v - xLo) / (xHi - xLo) * plotW;
        double Y(double v) => top + (yHi - v) / yHi * plotH;
        p.Raw(Svg($"<svg class=\"chart\" id=\"chart-ipa-grid\" role=\"img\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\">\n"));
        p.Raw("<title>").Text("Importance–performance grid").Raw("</title>\n");
        p.Raw(Svg($"<rect x=\"{left}\" y=\"{top}\" width=\"{plotW}\" height=\"{plotH}\" class=\"plot\"/>\n"));
        double cx = X(grid.PerformanceCrosshair), cy = Y(grid.ImportanceCrosshair);
        p.Raw(Svg($"<rect x=\"{left}\" y=\"{top}\" width=\"{cx - left:0.#}\" height=\"{cy - top:0.#}\" class=\"q-concentrate\"/>\n"));
        p.Raw(Svg($"<line x1=\"{cx:0.#}\" y1=\"{top}\" x2=\"{cx:0.#}\" y2=\"{top + plotH}\" class=\"crosshair\"/>\n"));
        p.Raw(Svg($"<line x1=\"{left}\" y1=\"{cy:0.#}\" x2=\"{left + plotW}\" y2=\"{cy:0.#}\" class=\"crosshair\"/>\n"));
        p.Raw(Svg($"<text x=\"{left + 6}\" y=\"{top + 16}\" class=\"quad\">Concentrate here</text>\n"));
        p.Raw(Svg($"<text x=\"{left + plotW - 6}\" y=\"{top + 16}\" text-anchor=\"end\" class=\"quad\">Keep up the good work</text>\n"));
        p.Raw(Svg($"<text x=\"{left + 6}\" y=\"{top + plotH - 8}\" class=\"quad\">Low priority</text>\n"));
        p.Raw(Svg($"<text x=\"{left + plotW - 6}\" y=\"{top + plotH - 8}\" text-anchor=\"end\" class=\"quad\">Possible overkill</text>\n"));
        foreach (double t in Ticks(xLo, xHi, 5))
            p.Raw(Svg($"<text x=\"{X(t):0.#}\" y=\"{top + plotH + 16}\" text-anchor=\"middle\" class=\"axis\">{F(t, "0")} %</text>\n"));
        foreach (double t in Ticks(0, yHi, 5))
            p.Raw(Svg($"<text x=\"{left - 6}\" y=\"{Y(t) + 4:0.#}\" text-anchor=\"end\" class=\"axis\">{F(t, "0")} %</text>\n"));
        p.Raw(Svg($"<text x=\"{left + plotW / 2}\" y=\"{height - 10}\" text-anchor=\"middle\" class=\"lbl\">performance: top-box share →</text>\n"));
        p.Raw(Svg($"<text transform=\"translate(14 {top + plotH / 2}) rotate(-90)\" text-anchor=\"middle\" class=\"lbl\">importance →</text>\n"));
        var ordered = attrs.OrderByDescending(a => a.Importance).ToList();
        for (int i = 0; i < ordered.Count; i++)
        {
            var a = ordered[i];
            p.Raw(Svg($"<circle cx=\"{X(a.Performance):0.#}\" cy=\"{Y(a.Importance):0.#}\" r=\"9\" class=\"ipa-pt\"><title>")).Text($"{a.Name}: importance {F(a.Importance, "0.0")} %, top box {F(a.Performance, "0.0")} %").Raw("</title></circle>\n");
            p.Raw(Svg($"<text x=\"{X(a.Performance):0.#}\" y=\"{Y(a.Importance) + 4:0.#}\" text-anchor=\"middle\" class=\"ipa-num\">{i + 1}</text>\n"));
        }
        int ky = top + 10;
        p.Raw(Svg($"<text x=\"{left + plotW + 20}\" y=\"{ky}\" class=\"lbl\">Items</text>\n"));
        for (int i = 0; i < ordered.Count; i++)
            p.Raw(Svg($"<text x=\"{left + plotW + 20}\" y=\"{ky + 20 * (i + 1)}\" class=\"val\">")).Text($"{i + 1}  {ordered[i].Name}").Raw("</text>\n");
        p.Raw("</svg>\n");
        p.Raw("<table>\n<thead><tr><th>#</th><th>Survey item</th><th class=\"num\">Importance</th><th class=\"num\">Top box</th><th>Quadrant</th><th class=\"num\">Share of effort</th></tr></thead>\n<tbody>\n");
        for (int i = 0; i < ordered.Count; i++)
        {
            var a = ordered[i];
            p.Raw("<tr><td>").Text((i + 1).ToString(CultureInfo.InvariantCulture)).Raw("</td><td>").Text(a.Name).Raw("</td><td class=\"num\">").Text($"{F(a.Importance, "0.0")} %")
             .Raw("</td><td class=\"num\">").Text($"{F(a.Performance, "0.0")} %").Raw("</td><td>").Text(PlainWords.Of(a.Quadrant))
             .Raw("</td><td class=\"num\">").Text(a.EffortShare > 0 ? $"{F(a.EffortShare * 100, "0")} %" : "").Raw("</td></tr>\n");
        }
        p.Raw("</tbody>\n</table>\n</section>\n");
    }

    private static void WriteReviews(Page p, PracticeEvaluation e, PracticeDataSet data)
    {
        p.Section("reviews", "What reviews say about the six commitments");
        if (e.ReviewThemes.IsEmpty)
        {
            p.Raw("<p class=\"mark\">").Text("No reviews in the period.").Raw("</p>\n</section>\n");
            return;
        }
        int n = data.Reviews.Count(r => e.Period.Contains(r.WrittenOn));
        p.Raw("<p>").Text($"{CardText.Count(n)} reviews in the period, sorted into praise (green) and complaints (orange) per commitment. " +
                          "Names are replaced by [name]. A count from 1 to 10 is shown as <11 with a striped marker of fixed size.").Raw("</p>\n");
        const int label = 170, mid = 420, half = 220, rowHeight = 30, top = 24;
        int height = top + e.ReviewThemes.Length * rowHeight + 8;
        int max = Math.Max(1, e.ReviewThemes.Max(t => Math.Max(t.Pros, t.Cons)));
        p.Raw(Svg($"<svg class=\"chart\" id=\"chart-review-themes\" role=\"img\" viewBox=\"0 0 760 {height}\" width=\"760\" height=\"{height}\">\n"));
        p.Raw("<title>").Text("Review mentions per commitment: complaints and praise").Raw("</title>\n");
        p.Raw("<defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"3\" height=\"6\" fill=\"#b9bec6\"/></pattern></defs>\n");
        p.Raw(Svg($"<text x=\"{mid - 6}\" y=\"14\" text-anchor=\"end\" class=\"axis\">← complaints</text><text x=\"{mid + 6}\" y=\"14\" class=\"axis\">praise →</text>\n"));
        p.Raw(Svg($"<line x1=\"{mid}\" y1=\"{top - 4}\" x2=\"{mid}\" y2=\"{height - 4}\" class=\"axisline\"/>\n"));
        for (int i = 0; i < e.ReviewThemes.Length; i++)
        {
            var t = e.ReviewThemes[i];
            double y = top + i * rowHeight;
            p.Raw(Svg($"<text x=\"{label - 8}\" y=\"{y + 17}\" text-anchor=\"end\" class=\"lbl\">")).Text(PlainWords.Capital(PlainWords.Of(t.Commitment))).Raw("</text>\n");
            CountBar(p, mid, y + 4, t.Cons, max, half, toLeft: true);
            CountBar(p, mid, y + 4, t.Pros, max, half, toLeft: false);
        }
        p.Raw("</svg>\n");
        p.Raw("<table>\n<thead><tr><th>Commitment</th><th class=\"num\">Praise</th><th class=\"num\">Complaints</th><th>Examples (scrubbed)</th></tr></thead>\n<tbody>\n");
        foreach (var t in e.ReviewThemes)
        {
            var examples = t.ConExamples.Distinct(StringComparer.Ordinal).Take(2).Select(s => $"− {s}")
                            .Concat(t.ProExamples.Distinct(StringComparer.Ordinal).Take(1).Select(s => $"+ {s}")).ToList();
            p.Raw("<tr><td>").Text(PlainWords.Capital(PlainWords.Of(t.Commitment))).Raw("</td><td class=\"num\">").Text(CardText.Count(t.Pros)).Raw("</td><td class=\"num\">").Text(CardText.Count(t.Cons)).Raw("</td><td>");
            foreach (string ex in examples)
                p.Raw("<div class=\"quote\">").Text(ex).Raw("</div>");
            p.Raw("</td></tr>\n");
        }
        p.Raw("</tbody>\n</table>\n</section>\n");
    }

    private static void CountBar(Page p, double mid, double y, int count, int max, double half, bool toLeft)
    {
        string css = toLeft ? "con" : "pro";
        if (count == 0)
        {
            p.Raw(Svg($"<text x=\"{(toLeft ? mid - 6 : mid + 6)}\" y=\"{y + 14}\" text-anchor=\"{(toLeft ? "end" : "start")}\" class=\"val\">0</text>\n"));
            return;
        }
        bool suppressed = SmallCellRule.IsSuppressed(count);   // count > 0 here
        double w = suppressed ? 24 : Math.Max(2, (double)count / max * half);
        double x = toLeft ? mid - w : mid;
        p.Raw(Svg($"<rect x=\"{x:0.#}\" y=\"{y}\" width=\"{w:0.#}\" height=\"18\" class=\"{(suppressed ? "hidden-count" : css)}\"/>\n"));
        double tx = toLeft ? x - 4 : x + w + 4;
        p.Raw(Svg($"<text x=\"{tx:0.#}\" y=\"{y + 14}\" text-anchor=\"{(toLeft ? "end" : "start")}\" class=\"val\">")).Text(CardText.Count(count)).Raw("</text>\n");
    }

    private static void WriteGuardrails(Page p, PracticeEvaluation e)
    {
        var blocked = e.Cards.Where(c => c.Status == ScoreStatus.GuardrailBlocked && c.Scope == ScoreScope.Practice).ToList();
        p.Section("guardrails", "Scores the library refused to compute (guardrails)");
        if (blocked.Count == 0)
        {
            p.Raw("<p>").Text("No measure was refused.").Raw("</p>\n</section>\n");
            return;
        }
        p.Raw("<p>").Text("These were refused before scoring, in every scope, by design:").Raw("</p>\n<ul>\n");
        foreach (var c in blocked)
            p.Raw("<li><span class=\"badge blocked\">refused</span> <strong>").Text(Label(c.MeasureKey)).Raw("</strong> (<code>").Text(c.MeasureKey).Raw("</code>): ").Text(c.StatusReason ?? "").Raw("</li>\n");
        p.Raw("</ul>\n</section>\n");
    }

    private static void BarChart(Page p, string id, string title, (string Label, double Value, string Text, string Css)[] rows, double max)
    {
        const int left = 200, width = 420, rowHeight = 30, top = 6;
        int height = top + rows.Length * rowHeight + 6;
        p.Raw("<figure>\n<figcaption>").Text(title).Raw("</figcaption>\n");
        p.Raw(Svg($"<svg class=\"chart\" id=\"{id}\" role=\"img\" viewBox=\"0 0 760 {height}\" width=\"760\" height=\"{height}\">\n"));
        p.Raw("<title>").Text(title).Raw("</title>\n");
        for (int i = 0; i < rows.Length; i++)
        {
            var r = rows[i];
            double y = top + i * rowHeight;
            double w = Math.Max(1, Math.Clamp(r.Value / max, 0, 1) * width);
            p.Raw(Svg($"<text x=\"{left - 8}\" y=\"{y + 17}\" text-anchor=\"end\" class=\"lbl\">")).Text(r.Label).Raw("</text>\n");
            p.Raw(Svg($"<rect x=\"{left}\" y=\"{y + 3}\" width=\"{width}\" height=\"20\" class=\"track\"/>\n"));
            p.Raw(Svg($"<rect x=\"{left}\" y=\"{y + 3}\" width=\"{w:0.#}\" height=\"20\" class=\"{r.Css}\"/>\n"));
            p.Raw(Svg($"<text x=\"{left + width + 8}\" y=\"{y + 17}\" class=\"val\">")).Text(r.Text).Raw("</text>\n");
        }
        p.Raw("</svg>\n</figure>\n");
    }

    private static IEnumerable<double> Ticks(double lo, double hi, int count)
    {
        double raw = (hi - lo) / count;
        if (raw <= 0 || double.IsNaN(raw))
            yield break;
        double mag = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double step = new[] { 1, 2, 2.5, 5, 10 }.Select(m => m * mag).First(s => s >= raw);
        for (double t = Math.Ceiling(lo / step) * step; t <= hi + step * 1e-9; t += step)
            yield return Math.Round(t, 10);
    }

    private static double? Component(ScoreCard c, string name) => c.Components.FirstOrDefault(x => x.Name == name)?.InputValue;

    private static string Label(string key)
    {
        if (Labels.TryGetValue(key, out var label) || (label = MeasureFamilies.Label(key)) is not null)
            return label;
        int colon = key.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
            return Words(key);
        string rest = key[(colon + 1)..].Replace('-', ' ');
        return key[..colon] switch
        {
            "pdc" => $"Adherent patients: {rest}",
            "cahps" => $"CAHPS top box: {rest}",
            "job-timeliness" => $"Jobs done on time: {rest}",
            "commitment" => $"Commitment: {rest}",
            _ => $"{Words(key[..colon])}: {rest}",
        };
    }

    /// <summary>"TakeMedication" → "Take medication", "lead-time" → "Lead time".</summary>
    private static string Words(string s)
    {
        string spaced = UpperRun().Replace(s.Replace('-', ' '), " $1").Trim();
        return spaced.Length == 0 ? spaced : char.ToUpperInvariant(spaced[0]) + spaced[1..].ToLowerInvariant();
    }

    private static string UnitName(ScoreScale scale) => scale switch
    {
        ScoreScale.Days => "days",
        ScoreScale.Minutes => "minutes",
        ScoreScale.Hours => "business hours",
        ScoreScale.Seconds => "seconds",
        _ => PlainWords.Of(scale),
    };

    private static string StatusCss(ScoreStatus s) => s switch
    {
        ScoreStatus.Ok => "ok",
        ScoreStatus.InsufficientData => "insufficient",
        ScoreStatus.Suppressed => "suppressed",
        ScoreStatus.GuardrailBlocked => "blocked",
        _ => "na",
    };

    private static string PointColour(PointType t) => t switch
    {
        PointType.SpecialCauseImprovement => Improvement,
        PointType.SpecialCauseConcern => Concern,
        PointType.SpecialCauseNeutralHigh or PointType.SpecialCauseNeutralLow => Neutral,
        _ => Common,
    };

    private static string VariationText(VariationIcon v) => v switch
    {
        VariationIcon.CommonCause => "— only ordinary variation: no signal in the latest months.",
        VariationIcon.SpecialCauseImprovement => "— a signal of improvement: the values moved away from the break-even.",
        VariationIcon.SpecialCauseConcern => "— a signal of concern: the values moved towards the break-even.",
        _ => "— a signal without a good or bad direction.",
    };

    private static string AssuranceText(AssuranceIcon? a, double? breakEven) => a switch
    {
        AssuranceIcon.ConsistentPass => "— the whole range of ordinary variation stays on the safe side of the break-even: the assumption holds consistently.",
        AssuranceIcon.ConsistentFail => "— the whole range of ordinary variation is on the wrong side of the break-even: the assumption does not hold.",
        AssuranceIcon.Inconsistent => "— the break-even lies inside the range of ordinary variation: the assumption will sometimes hold and sometimes not.",
        _ => breakEven is null ? "— no break-even for this series, so no assurance can be given." : "— no assurance icon for this series.",
    };

    private static string Dot(string colour) => $"<svg class=\"dot\" width=\"12\" height=\"12\" viewBox=\"0 0 12 12\" aria-hidden=\"true\"><circle cx=\"6\" cy=\"6\" r=\"5\" fill=\"{colour}\"/></svg>";

    /// <summary>A stable id fragment: lower case, letters, digits and hyphens.</summary>
    internal static string Id(string key) => NotIdChar().Replace(key.ToLowerInvariant(), "-").Trim('-');

    private static string F(double v, string format = "0.###") => v.ToString(format, CultureInfo.InvariantCulture);

    private static string Svg(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    /// <summary>Every patient key the evaluation or data set knows, so none can reach the page through a free text; and
    /// the support plans' counts, gathered in the same pass over the patients' outputs.</summary>
    private static (HashSet<string> Keys, SupportPlanSummary Plans) PatientKeysAndPlans(PatientOutputs patients, PracticeDataSet data)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var plans = SupportPlanSummary.Empty;
        string? last = null;
        patients.Visit(
            c =>
            {
                // A patient's cards come together and share its key: hashed once, not once per card.
                if (!string.Equals(c.Scope.Key, last, StringComparison.Ordinal))
                    keys.Add(last = c.Scope.Key);
            },
            sp =>
            {
                keys.Add(sp.PatientKey);
                plans.Add(sp);
            });
        keys.UnionWith(data.Appointments.Select(x => x.PatientKey));
        keys.UnionWith(data.Claims.Select(x => x.PatientKey));
        keys.UnionWith(data.MedicationFills.Select(x => x.PatientKey));
        keys.UnionWith(data.Referrals.Select(x => x.PatientKey));
        keys.UnionWith(data.SurveyReturns.Select(x => x.PatientKey));
        keys.UnionWith(data.Jobs.Select(x => x.PatientKey));
        keys.UnionWith(data.ClinicianRatings.Select(x => x.PatientKey));
        keys.UnionWith(data.Barriers.Select(x => x.PatientKey));
        keys.UnionWith(data.PortalThreads.Select(x => x.PatientKey));
        keys.UnionWith(data.Statements.Select(x => x.PatientKey));
        keys.UnionWith(data.OutreachContacts.Select(x => x.PatientKey));
        keys.UnionWith(data.PriceEstimates.Select(x => x.PatientKey));
        keys.Remove("");
        return (keys, plans);
    }

    [GeneratedRegex("[^a-z0-9-]+")]
    private static partial Regex NotIdChar();

    [GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial Regex UpperRun();

    [GeneratedRegex(@"[A-Za-z0-9_\-]+")]
    private static partial Regex Token();

    private sealed class Page(HashSet<string> patientKeys, TextWriter output)
    {
        private readonly TextWriter _html = output;

        public Page Raw(string html)
        {
            _html.Write(html);
            return this;
        }

        /// <summary>Appends <paramref name="text"/> HTML-encoded, with any patient key replaced by [patient].</summary>
        public Page Text(string text)
        {
            string safe = Token().Replace(text, m => patientKeys.Contains(m.Value) ? "[patient]" : m.Value);
            _html.Write(WebUtility.HtmlEncode(safe));
            return this;
        }

        public void Section(string id, string title) => Raw($"<section id=\"{id}\">\n<h2>").Text(title).Raw("</h2>\n");
    }

    private const string Css = """
        :root { color-scheme: light; }
        body { margin: 0; background: #f4f5f7; color: #1d2733; font: 15px/1.5 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        main { max-width: 1040px; margin: 0 auto; padding: 24px 28px 40px; background: #fff; }
        h1 { margin: 0; font-size: 28px; }
        h2 { margin: 36px 0 8px; padding-top: 12px; border-top: 2px solid #e3e6ea; font-size: 21px; }
        h3 { margin: 22px 0 6px; font-size: 17px; }
        .sub { margin: 0 0 8px; color: #5b6573; font-size: 17px; }
        dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 8px 0; }
        dl.meta dt { color: #5b6573; } dl.meta dd { margin: 0; }
        .small { color: #5b6573; font-size: 13px; }
        .note { background: #fff8e1; border-left: 4px solid #e0a800; padding: 8px 12px; }
        .alert { background: #fdecea; border-left: 4px solid #c62828; padding: 8px 12px; }
        .mark { color: #8a4b00; font-style: italic; }
        .lead { font-size: 18px; font-weight: 600; }
        table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 13.5px; }
        th, td { border-bottom: 1px solid #e3e6ea; padding: 5px 8px; text-align: left; vertical-align: top; }
        th { background: #f0f2f5; font-weight: 600; }
        td.num, th.num { text-align: right; white-space: nowrap; }
        code { color: #5b6573; font-size: 11.5px; }
        .badge { display: inline-block; padding: 0 7px; border-radius: 9px; font-size: 12px; white-space: nowrap; }
        .badge.ok { background: #e3f2e6; color: #1b5e20; }
        .badge.insufficient, .badge.na { background: #fff3cd; color: #7a5200; }
        .badge.suppressed { background: #e8e8f5; color: #37306b; }
        .badge.blocked { background: #fdecea; color: #8e1b1b; }
        .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 12px; }
        .card { border: 1px solid #dfe3e8; border-radius: 8px; padding: 10px 12px; border-top: 4px solid #2e7d32; }
        .card.insufficient, .card.na, .card.suppressed { border-top-color: #e0a800; }
        .card-label { font-weight: 600; } .card-value { font-size: 26px; font-weight: 700; }
        .card-n { color: #5b6573; font-size: 12.5px; } .card-detail { font-size: 12.5px; }
        figure { margin: 12px 0 18px; } figcaption { font-weight: 600; margin-bottom: 4px; }
        svg.chart { display: block; max-width: 100%; height: auto; font-size: 12px; }
        svg.dot { display: inline; vertical-align: -1px; }
        .legend { font-size: 13px; }
        .icons { font-size: 13.5px; } .icon { font-family: ui-monospace, Menlo, Consolas, monospace; background: #eef1f5; padding: 0 5px; border-radius: 4px; }
        .quote { font-style: italic; }
        footer { margin-top: 36px; border-top: 2px solid #e3e6ea; padding-top: 8px; font-size: 13.5px; }
        .lbl { fill: #1d2733; font-size: 12.5px; } .val { fill: #1d2733; font-size: 12px; } .val.inv { fill: #fff; font-weight: 600; } .halo { stroke: #fff; stroke-width: 3px; paint-order: stroke; }
        .axis { fill: #5b6573; font-size: 11px; } .mark { fill: #8a4b00; font-style: italic; }
        .track { fill: #eef1f5; } .bar-a { fill: #1f5fa8; } .bar-b { fill: #2e7d32; } .bar-c { fill: #a05a00; } .bar-n { fill: #8a9bb0; }
        .p90 { fill: #b8cde6; } .median { fill: #1f5fa8; } .share { fill: #2e7d32; }
        .box { fill: #cfe3d1; stroke: #2e7d32; } .medianline { stroke: #1b5e20; stroke-width: 3; }
        .threshold { stroke: #c62828; stroke-dasharray: 4 3; } .axisline { stroke: #b9bec6; }
        .plot { fill: #fbfbfc; stroke: #dfe3e8; }
        .mean { stroke: #5b6573; stroke-width: 1.5; } .limit { stroke: #8a8f98; stroke-dasharray: 5 4; } .limit95 { stroke: #b9bec6; stroke-dasharray: 2 3; }
        .fn-in { fill: #8a8f98; } .fn-warn { fill: #5b6573; } .fn-out { fill: #e07b00; stroke: #8a4b00; }
        .breakeven { stroke: #c62828; stroke-width: 1.5; stroke-dasharray: 7 4; }
        .series { fill: none; stroke: #9aa3ad; stroke-width: 1.5; }
        .lbl-mean { fill: #5b6573; font-size: 11px; } .lbl-limit { fill: #8a8f98; font-size: 11px; } .lbl-breakeven { fill: #c62828; font-size: 11px; font-weight: 600; }
        .crosshair { stroke: #5b6573; stroke-dasharray: 5 4; } .q-concentrate { fill: #fdecea; }
        .quad { fill: #5b6573; font-size: 12px; font-weight: 600; }
        .ipa-pt { fill: #1f5fa8; } .ipa-num { fill: #fff; font-size: 11px; font-weight: 700; }
        .pro { fill: #2e7d32; } .con { fill: #e07b00; } .hidden-count { fill: url(#hatch); stroke: #8a8f98; }
        @media print { body { background: #fff; } main { padding: 0; } h2 { break-after: avoid; } figure, table { break-inside: avoid; } }

        """;
}

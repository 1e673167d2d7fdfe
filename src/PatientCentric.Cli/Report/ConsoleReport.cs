using System.Globalization;
using PatientCentric.Records;
using PatientCentric.Scoring;

namespace PatientCentric.Cli.Report;

/// <summary>Writes the console summary of a practice evaluation: the profile and its weights, what data was read, one
/// table per scope, the guardrail refusals, and the fixed note that experience and quality are different dimensions.</summary>
internal static class ConsoleReport
{
    public const string DimensionsNote =
        "Patient-experience scores and quality of care are different dimensions: a satisfied patient is not evidence of good care (Fenton et al. 2012, Arch Intern Med 172(5):405–411; docs/guardrails.md).";

    private static string F(double v, string format = "0.###") => v.ToString(format, CultureInfo.InvariantCulture);

    private static void WriteCustomerLoop(TextWriter o, PracticeEvaluation e, PracticeDataSet data)
    {
        if (e.Decision is { } d && data.PrimaryCustomer is { } pc)
        {
            var names = pc.Stakeholders.ToDictionary(s => s.Key, s => s.Name, StringComparer.Ordinal);
            string Name(string? key) => key is null ? "(tie)" : names.GetValueOrDefault(key, key);
            o.WriteLine();
            o.WriteLine($"Primary customer ({d.StrategyKey}): {(d.WinnerKey is null ? $"no single winner ({PlainWords.Of(d.Outcome)})" : Name(d.WinnerKey))}");
            var table = new TextTable("Rank", "Stakeholder", "Score", "Note");
            for (int i = 0; i < d.Ranking.Length; i++)
            {
                var card = d.Ranking[i];
                string rank = i < d.Ranks.Length && d.Ranks[i] > 0 ? d.Ranks[i].ToString(CultureInfo.InvariantCulture) : "—";
                table.Add(rank, Name(card.Scope.Key), card.Value is { } v ? F(v, "0.000") : CardText.Status(card.Status), card.Status == ScoreStatus.Ok ? "" : card.StatusReason ?? "");
            }
            table.Write(o);
            string margin = d.WeightMargin switch
            {
                { Status: Customers.WeightMarginStatus.Found, CriterionKey: { } c, Delta: { } delta } =>
                    $"changing the weight of {c} by {(delta >= 0 ? "+" : "")}{F(delta)} makes {Name(d.WeightMargin.NewWinnerKey)} the winner",
                { Status: Customers.WeightMarginStatus.Robust } => "no single weight change alters the winner (robust)",
                _ => "not applicable",
            };
            o.WriteLine($"  Weight margin: {margin}.{(d.IsRankReversalSensitive ? " Rank-reversal sensitive: removing or adding a rival changes the winner." : "")}");
            var breakEvens = d.BreakEvens.Where(b => b.HasBreakEven).Select(b => $"{b.CriterionKey} {F(b.Threshold!.Value)} (now {F(b.CurrentValue)})").ToList();
            if (breakEvens.Count > 0)
                o.WriteLine($"  Break-evens of the winner's assumptions (where {Name(d.BreakEvens[0].RivalKey)} would tie): {string.Join("; ", breakEvens)}.");
        }
        else
        {
            o.WriteLine();
            o.WriteLine("Primary customer: not decided (the data set carries no stakeholder assessments).");
        }
        if (!e.AssumptionCharts.IsEmpty)
        {
            o.WriteLine();
            o.WriteLine("Assumption monitors (XmR charts, NHS \"Making Data Count\" rules; improvement points away from the break-even):");
            var table = new TextTable("Series", "Latest", "Mean", "Process limits", "Variation", "Assurance vs break-even");
            foreach (var c in e.AssumptionCharts)
            {
                var l = c.Chart.Limits;
                table.Add(c.Binding.SeriesKey, F(c.Chart.Points[^1].Value), F(l.Mean), $"{F(l.LowerProcessLimit)} to {F(l.UpperProcessLimit)}",
                          PlainWords.Capital(PlainWords.Of(c.Variation)), c.Assurance is { } a ? PlainWords.Capital(PlainWords.Of(a)) : (c.BreakEven is null ? "no break-even" : ""));
            }
            table.Write(o);
            foreach (var a in e.AssumptionAlerts)
                o.WriteLine($"  ALERT: {a.Message}");
            if (e.AssumptionAlerts.IsEmpty)
                o.WriteLine("  No assumption has stopped holding.");
        }
        if (e.LoyaltyDrivers is null)
        {
            o.WriteLine();
            o.WriteLine("What moves intent to recommend: not analysed (no recommend item, fewer than two report items, or too few complete returns).");
        }
        if (e.LoyaltyDrivers is { } ld)
        {
            o.WriteLine();
            o.WriteLine($"What moves intent to recommend (Johnson's relative weights, R² {F(ld.Weights.RSquared, "0.00")}, {CardText.Count((int)(ld.Weights.RespondentCount ?? 0))} complete returns),");
            o.WriteLine("and where to put effort (importance–performance: importance = share of R², performance = top box):");
            var table = new TextTable("Item", "Importance", "Top box", "Quadrant", "Effort share");
            foreach (var p in ld.Grid.Attributes.OrderByDescending(p => p.Importance))
                table.Add(p.Name, $"{F(p.Importance, "0.0")} %", $"{F(p.Performance, "0.0")} %", PlainWords.Of(p.Quadrant), p.EffortShare > 0 ? $"{F(p.EffortShare * 100, "0")} %" : "");
            table.Write(o);
        }
    }

    private static void WriteTrends(TextWriter o, PracticeEvaluation e)
    {
        var practice = e.Series.Where(s => s.Scope.Level == ScopeLevel.Practice).ToList();
        if (practice.Count == 0)
            return;
        var scales = e.Cards.Where(c => c.Scope.Level == ScopeLevel.Practice).GroupBy(c => c.MeasureKey, StringComparer.Ordinal)
                            .ToDictionary(g => g.Key, g => g.First().Scale, StringComparer.Ordinal);
        o.WriteLine();
        o.WriteLine("Trends (practice, one point per period; SPC charts, NHS \"Making Data Count\" rules; every series is in --format json):");
        var table = new TextTable("Measure", "Latest", "Value", "Variation", "Assurance");
        foreach (var s in practice)
        {
            var latest = s.Points.LastOrDefault(x => x.Value is not null);
            table.Add(s.MeasureKey, latest is null ? "—" : HtmlReport.PeriodLabel(latest.Period, s.Grain),
                      latest?.Value is { } v ? CardText.Value(v, scales.GetValueOrDefault(s.MeasureKey, ScoreScale.Count)) : "—",
                      PlainWords.Compact(s.Chart?.VariationIcon, s.ChartReason), PlainWords.Compact(s.Chart?.AssuranceIcon));
        }
        table.Write(o);
    }

    private static void WriteFunnels(TextWriter o, PracticeEvaluation e)
    {
        var funnels = e.Funnels.Where(f => f.UnitLevel == ScopeLevel.Clinician).ToList();
        if (funnels.Count == 0 && !e.Cards.Any(c => c.Scope.Level == ScopeLevel.Clinician))
            return;
        o.WriteLine();
        o.WriteLine("Comparing clinicians (funnel plots; every clinician's card and funnel is in --format json):");
        o.WriteLine($"  {HtmlReport.ComparisonNote}");
        if (funnels.Count == 0)
        {
            o.WriteLine("  No funnel plot: fewer than two clinicians have a value for any proportion or rate measure.");
            return;
        }
        var table = new TextTable("Measure", "Clinicians", "Target", "Outside the 99.8 % limits");
        foreach (var f in funnels)
        {
            string outside = f.Outside998.IsEmpty ? "none" : string.Join(", ", f.Outside998.Select(k =>
            {
                int i = f.UnitKeys.IndexOf(k);
                return $"{k} ({HtmlReport.FunnelNumber(f, f.Result.Units[i].Value)}, n = {CardText.Count((long)Math.Round(f.Denominators[i]))})";
            }));
            table.Add(f.MeasureKey, f.UnitKeys.Length.ToString(CultureInfo.InvariantCulture), HtmlReport.FunnelNumber(f, f.Result.Target), outside);
        }
        table.Write(o);
    }

    private static void WriteReviews(TextWriter o, PracticeEvaluation e, PracticeDataSet data)
    {
        if (e.ReviewThemes.IsEmpty)
        {
            o.WriteLine();
            o.WriteLine("What reviews say: no reviews in the period.");
            return;
        }
        int n = data.Reviews.Count(r => e.Period.Contains(r.WrittenOn));
        o.WriteLine();
        o.WriteLine($"What reviews say about the six commitments ({CardText.Count(n)} reviews; names replaced by [name]):");
        var table = new TextTable("Commitment", "Pros", "Cons", "Example");
        foreach (var t in e.ReviewThemes)
        {
            string example = t.ConExamples.FirstOrDefault() is { } con ? $"− {con}" : t.ProExamples.FirstOrDefault() is { } pro ? $"+ {pro}" : "";
            table.Add(PlainWords.Capital(PlainWords.Of(t.Commitment)), CardText.Count(t.Pros), CardText.Count(t.Cons), example);
        }
        table.Write(o);
    }

    private static void WriteSupportPlans(TextWriter o, PatientOutputs patients)
    {
        o.WriteLine();
        o.WriteLine("Support plans (advisory: never a reason to deny, discharge, deprioritise or re-price care):");
        var summary = SupportPlanSummary.Of(patients.Plans);
        if (summary.Patients == 0)
        {
            o.WriteLine("  No patient has a job below its threshold.");
            return;
        }
        o.WriteLine($"  {CardText.Count(summary.Patients)} patients have a plan, with {CardText.Count(summary.Jobs)} jobs to support.");
        var table = new TextTable("Job", "Patients", "Barrier recorded", "Suggested supports");
        foreach (var (kind, g) in summary.Kinds)
            table.Add(PlainWords.Capital(PlainWords.Of(kind)), CardText.Count(g.Patients), g.BarrierText(), g.SupportText());
        table.Write(o);
    }

    public static void Write(TextWriter o, PracticeEvaluation e, PracticeDataSet data, string source, bool explain, DataCensus? census = null, PatientOutputs? patients = null)
    {
        var n = census ?? DataCensus.Of(data);
        o.WriteLine($"PatientCentric report — {e.PracticeName}");
        o.WriteLine($"Source: {source}");
        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Period {e.Period} · time zone {e.TimeZone} · evaluated {e.AsOf:yyyy-MM-dd HH:mm} UTC"));
        o.WriteLine();
        o.WriteLine($"Profile {e.Profile.Key}: {e.Profile.Description}");
        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  Weights: customer service {e.Profile.Weights.CustomerService:0.00} · quality of care {e.Profile.Weights.QualityOfCare:0.00} · cost effectiveness {e.Profile.Weights.CostEffectiveness:0.00}"));
        o.WriteLine($"  Why: {e.Profile.Rationale}");
        o.WriteLine();
        o.WriteLine("Data read:");
        o.WriteLine($"  {data.ServiceLines.Length} service line(s), {CardText.Count(n.Appointments)} appointments, " +
                    $"{CardText.Count(n.SurveyReturns)} survey returns ({data.SurveyItems.Length} item(s)), " +
                    $"{CardText.Count(n.MedicationFills)} medication fills, {CardText.Count(n.Referrals)} referrals, {CardText.Count(n.Claims)} claims.");
        o.WriteLine($"  {CardText.Count(n.Jobs)} patient jobs (labs, follow-ups, forms), {CardText.Count(n.ClinicianRatings)} clinician ratings, {CardText.Count(n.Barriers)} recorded barriers.");

        var names = data.ServiceLines.ToDictionary(s => s.Key, s => s.Name, StringComparer.Ordinal);
        foreach (var scope in e.Cards.Select(c => c.Scope).Where(s => s.Level != ScopeLevel.Clinician).Distinct())
        {
            o.WriteLine();
            o.WriteLine(scope.Level == ScopeLevel.Practice ? "Practice" : $"Service line: {names.GetValueOrDefault(scope.Key, scope.Key)}");
            var table = new TextTable("Measure", "Value", "n", "Excluded", "Explanation");
            var cards = e.Cards.Where(c => c.Scope == scope && c.Status != ScoreStatus.GuardrailBlocked).ToList();
            foreach (var card in cards)
            {
                bool rubric = card.MeasureKey.StartsWith("commitment:", StringComparison.Ordinal);   // n counts measures, not people: not suppressed
                table.Add(card.MeasureKey, CardText.Value(card), rubric ? $"{card.EvidenceCount} meas." : CardText.Count(card.EvidenceCount),
                          CardText.Count(card.ExcludedCount), CardText.Detail(card));
            }
            table.Write(o);
            if (explain)
            {
                foreach (var card in cards.Where(c => !c.Components.IsEmpty))
                {
                    o.WriteLine($"    {card.MeasureKey}:");
                    foreach (var c in card.Components)
                    {
                        string weight = c.Weight is { } w ? string.Create(CultureInfo.InvariantCulture, $" ×{w:0.###}") : "";
                        o.WriteLine($"      {c.Name,-36} {CardText.Component(c),12}{weight}  {c.Reason}");
                    }
                }
            }
        }

        WriteTrends(o, e);
        WriteFunnels(o, e);
        WriteSupportPlans(o, patients ?? PatientOutputs.Of(e));
        WriteCustomerLoop(o, e, data);
        WriteReviews(o, e, data);

        var blocked = e.Cards.Where(c => c.Status == ScoreStatus.GuardrailBlocked && c.Scope == ScoreScope.Practice).ToList();
        if (blocked.Count > 0)
        {
            o.WriteLine();
            o.WriteLine("Guardrails (refused before scoring, in every scope):");
            foreach (var card in blocked)
                o.WriteLine($"  {card.MeasureKey}: {card.StatusReason}");
        }
        o.WriteLine();
        o.WriteLine($"Note: {DimensionsNote}");
        o.WriteLine("Counts from 1 to 10 are shown as <11 (small-cell suppression). Run with --explain for every component, --format json for all numbers.");
    }
}

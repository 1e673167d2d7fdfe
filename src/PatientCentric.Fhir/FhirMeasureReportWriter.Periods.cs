using PatientCentric.Scoring;

namespace PatientCentric.Fhir;

// The per-period summary MeasureReports: one per practice-level series (PracticeEvaluation.Series) and period, so a
// FHIR consumer sees each measure month by month (docs/fhir.md#how-are-results-written-back-as-fhir).
public sealed partial class FhirMeasureReportWriter
{
    /// <summary>Hands to <paramref name="sink"/>, for every practice-level series whose measure has a Measure in the
    /// output, one summary report per period: the period is the bucket, the group has the period's value as
    /// <c>measureScore</c> (none when the period has no value; its status and reason are then in <c>group.code.text</c>),
    /// and for a proportion the <c>denominator</c> and <c>numerator</c> populations; other kinds carry the period's
    /// evidence count as <c>measure-population</c>.</summary>
    private static void PeriodReports(PracticeEvaluation evaluation, Dictionary<string, string> measureIds, FhirResourceIds ids,
                                      ReportCommon common, IResourceSink sink)
    {
        var scales = evaluation.Cards.Where(c => c.Scope.Level == ScopeLevel.Practice)
                                     .GroupBy(c => c.MeasureKey, StringComparer.Ordinal)
                                     .ToDictionary(g => g.Key, g => g.First().Scale, StringComparer.Ordinal);
        foreach (var series in evaluation.Series.Where(s => s.Scope.Level == ScopeLevel.Practice))
        {
            if (!measureIds.TryGetValue(series.MeasureKey, out var measureId))
                continue;
            var scale = scales.GetValueOrDefault(series.MeasureKey, series.Kind == MeasureKind.Proportion ? ScoreScale.Proportion : ScoreScale.Count);
            var scope = ScopeValue(ScopeLevel.Practice, series.Scope.Key);
            foreach (var point in series.Points)
                sink.Report(PeriodReport(series, point, scale, measureId, scope, ids, common));
        }
    }

    private static ReportData PeriodReport(MeasureSeries series, SeriesPoint point, ScoreScale scale, string measureId, string scope,
                                           FhirResourceIds ids, ReportCommon common)
    {
        string start = DayText(point.Period.Start);
        string end = DayText(point.Period.End);
        var id = ids.Claim(null, $"{measureId}.practice.{start}", "MeasureReport", series.MeasureKey, "practice-period", start, end);
        var populations = new Populations();
        if (series.Kind == MeasureKind.Proportion)
        {
            if (point.Denominator is double d && double.IsFinite(d) && d >= 0)
                populations.Add(PopulationCode.Denominator, Count(d));
            if (point.Numerator is double n && double.IsFinite(n) && n >= 0)
                populations.Add(PopulationCode.Numerator, Count(n));
        }
        else
        {
            populations.Add(PopulationCode.MeasurePopulation, point.EvidenceCount);
        }
        var ok = point.Status == ScoreStatus.Ok && point.Value is double value && double.IsFinite(value);
        return new ReportData(id, Individual: false, scope, measureId, series.MeasureKey, common.Date, common.Reporter, start, end,
                              populations, ok ? point.Value : null, scale, ok ? null : StatusText(point.Status, point.StatusReason));
    }
}

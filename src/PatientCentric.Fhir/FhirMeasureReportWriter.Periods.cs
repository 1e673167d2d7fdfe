using System.Globalization;
using Hl7.Fhir.Model;
using PatientCentric.Scoring;

namespace PatientCentric.Fhir;

// The per-period summary MeasureReports: one per practice-level series (PracticeEvaluation.Series) and period, so a
// FHIR consumer sees each measure month by month (docs/fhir.md#how-are-results-written-back-as-fhir).
public sealed partial class FhirMeasureReportWriter
{
    /// <summary>Adds, for every practice-level series whose measure has a <see cref="Measure"/> in the output, one summary
    /// report per period: the period is the bucket, the group has the period's value as <c>measureScore</c> (none when the
    /// period has no value; its status and reason are then in <c>group.code.text</c>), and for a proportion the
    /// <c>numerator</c> and <c>denominator</c> populations; other kinds carry the period's evidence count as
    /// <c>measure-population</c>.</summary>
    private IEnumerable<Resource> PeriodReports(PracticeEvaluation evaluation, Dictionary<string, string> measureIds,
                                                FhirResourceIds ids, string? reporter)
    {
        var scales = evaluation.Cards.Where(c => c.Scope.Level == ScopeLevel.Practice)
                                     .GroupBy(c => c.MeasureKey, StringComparer.Ordinal)
                                     .ToDictionary(g => g.Key, g => g.First().Scale, StringComparer.Ordinal);
        foreach (var series in evaluation.Series.Where(s => s.Scope.Level == ScopeLevel.Practice))
        {
            if (!measureIds.TryGetValue(series.MeasureKey, out var measureId))
                continue;
            var scale = scales.GetValueOrDefault(series.MeasureKey, series.Kind == MeasureKind.Proportion ? ScoreScale.Proportion : ScoreScale.Count);
            foreach (var point in series.Points)
                yield return BuildPeriodReport(evaluation, series, point, scale, measureId, ids, reporter);
        }
    }

    private MeasureReport BuildPeriodReport(PracticeEvaluation evaluation, MeasureSeries series, SeriesPoint point, ScoreScale scale,
                                            string measureId, FhirResourceIds ids, string? reporter)
    {
        string start = point.Period.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string end = point.Period.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var report = new MeasureReport
        {
            Id = ids.Claim(null, $"{measureId}.practice.{start}", nameof(MeasureReport), series.MeasureKey, "practice-period", start, end),
            Status = MeasureReport.MeasureReportStatus.Complete,
            Type = MeasureReport.MeasureReportType.Summary,
            Measure = MeasureUrl(measureId),
            Date = new FhirDateTime(evaluation.AsOf).Value,
            Reporter = reporter is null ? null : new ResourceReference(reporter),
            ImprovementNotation = ImprovementNotation(series.MeasureKey),
            Period = new Period { Start = start, End = end },
        };
        report.Identifier.Add(new Identifier(_base + "/scope", $"{LevelName(ScopeLevel.Practice)}:{series.Scope.Key}"));
        var group = new MeasureReport.GroupComponent();
        if (series.Kind == MeasureKind.Proportion)
        {
            if (point.Denominator is double d && double.IsFinite(d) && d >= 0)
                group.Population.Add(Population("denominator", Count(d)));
            if (point.Numerator is double n && double.IsFinite(n) && n >= 0)
                group.Population.Add(Population("numerator", Count(n)));
        }
        else
        {
            group.Population.Add(Population("measure-population", point.EvidenceCount));
        }
        if (point.Status == ScoreStatus.Ok && point.Value is double value && double.IsFinite(value))
            group.MeasureScore = Score(value, scale);
        else
            group.Code = new CodeableConcept { Text = point.StatusReason is { Length: > 0 } reason ? $"{point.Status}: {reason}" : point.Status.ToString() };
        report.Group.Add(group);
        return report;
    }

    private static int Count(double value) => (int)Math.Round(Math.Min(value, int.MaxValue), MidpointRounding.AwayFromZero);
}

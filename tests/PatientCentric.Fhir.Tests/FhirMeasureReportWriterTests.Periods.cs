using System.Collections.Immutable;
using Hl7.Fhir.Model;
using PatientCentric.Control;
using PatientCentric.Scoring;

namespace PatientCentric.Fhir.Tests;

public sealed partial class FhirMeasureReportWriterTests
{
    private static readonly MeasurementPeriod January = new(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31));
    private static readonly MeasurementPeriod February = new(new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28));

    // Two practice series (a proportion and a duration statistic) over two months, and one service-line series that the
    // writer leaves out: only the practice's series get per-period reports.
    private static PracticeEvaluation WithSeries()
    {
        var evaluation = HandMade() with { Period = new MeasurementPeriod(January.Start, February.End) };
        evaluation = evaluation with
        {
            Cards = [.. evaluation.Cards, ScoreCard.Ok("lead-time", ScoreScope.Practice, 4, ScoreScale.Days, 30, 0, [])],
        };
        return evaluation with
        {
            Series =
            [
                new MeasureSeries("kept-rate", ScoreScope.Practice, PeriodGrain.Month, MeasureKind.Proportion, ImprovementDirection.Increase,
                    [
                        new SeriesPoint(January, false, 0.2, 2, 10, ScoreStatus.Ok, 10, null),
                        new SeriesPoint(February, false, null, null, null, ScoreStatus.InsufficientData, 0, "No appointments in the period."),
                    ], null, "Too few periods with data.", null),
                new MeasureSeries("lead-time", ScoreScope.Practice, PeriodGrain.Month, MeasureKind.DurationStatistic, ImprovementDirection.Decrease,
                    [
                        new SeriesPoint(January, false, 3.5, null, null, ScoreStatus.Ok, 14, null),
                        new SeriesPoint(February, false, 4.5, null, null, ScoreStatus.Ok, 16, null),
                    ], null, "Too few periods with data.", null),
                new MeasureSeries("lead-time", ScoreScope.ServiceLine("dermatology"), PeriodGrain.Month, MeasureKind.DurationStatistic, ImprovementDirection.Decrease,
                    [new SeriesPoint(January, false, 3.5, null, null, ScoreStatus.Ok, 12, null)], null, "Too few periods with data.", null),
            ],
        };
    }

    private static List<MeasureReport> PeriodReports(IEnumerable<Resource> resources, PracticeEvaluation evaluation) =>
        [.. resources.OfType<MeasureReport>().Where(r => r.Period!.Start != evaluation.Period.Start.ToString("yyyy-MM-dd")
                                                         || r.Period!.End != evaluation.Period.End.ToString("yyyy-MM-dd"))];

    [Fact]
    public void Series_GiveOneValidSummaryReportPerPracticeMeasureAndPeriod()
    {
        var evaluation = WithSeries();
        var resources = new FhirMeasureReportWriter().Build(evaluation);
        Assert.All(resources, AssertValid);
        var periods = PeriodReports(resources, evaluation);
        Assert.Equal(2 * 2, periods.Count);   // 2 practice measures × 2 months; the service line's series is left out
        Assert.All(periods, r => Assert.Equal(MeasureReport.MeasureReportType.Summary, r.Type));
        Assert.All(periods, r => Assert.Equal("practice:practice", r.Identifier.Single().Value));
        Assert.Equal(periods.Count, periods.Select(r => r.Id).Distinct().Count());
        Assert.Equal(resources.Count, resources.Select(r => r.Id).Distinct().Count());

        var january = periods.Single(r => r.Measure!.EndsWith("/kept-rate", StringComparison.Ordinal) && r.Period!.Start == "2026-01-01");
        Assert.Equal("2026-01-31", january.Period!.End);
        var group = january.Group.Single();
        Assert.Equal(0.2m, group.MeasureScore!.Value);
        Assert.Equal(10, Population(group, "denominator")!.Count);
        Assert.Equal(2, Population(group, "numerator")!.Count);

        var february = periods.Single(r => r.Measure!.EndsWith("/kept-rate", StringComparison.Ordinal) && r.Period!.Start == "2026-02-01");
        Assert.Null(february.Group.Single().MeasureScore);
        Assert.Equal("InsufficientData: No appointments in the period.", february.Group.Single().Code!.Text);

        var lead = periods.Single(r => r.Measure!.EndsWith("/lead-time", StringComparison.Ordinal) && r.Period!.Start == "2026-02-01");
        Assert.Equal(4.5m, lead.Group.Single().MeasureScore!.Value);
        Assert.Equal("d", lead.Group.Single().MeasureScore!.Code);
        Assert.Equal(16, Population(lead.Group.Single(), "measure-population")!.Count);
        Assert.Equal("decrease", lead.ImprovementNotation!.Coding.Single().Code);
    }

    [Fact]
    public void Series_PeriodReportIds_AreTheSameOnEveryRun()
    {
        var a = new FhirMeasureReportWriter().Build(WithSeries()).Select(r => r.Id);
        var b = new FhirMeasureReportWriter().Build(WithSeries()).Select(r => r.Id);
        Assert.Equal(a, b);
    }

    [Fact]
    public void RealEvaluation_PeriodReports_CountMeasuresTimesPeriods_AndAreValid()
    {
        var evaluation = EvaluateSynthea();
        var resources = new FhirMeasureReportWriter().Build(evaluation);
        var practiceSeries = evaluation.Series.Where(s => s.Scope.Level == ScopeLevel.Practice).ToList();
        int expected = practiceSeries.Sum(s => s.Points.Length);
        var periods = resources.OfType<MeasureReport>().Skip(evaluation.Cards.Length + evaluation.PatientCards.Length).ToList();
        Assert.Equal(expected, periods.Count);
        Assert.All(periods, AssertValid);
        Assert.All(periods, r => Assert.Equal(MeasureReport.MeasureReportType.Summary, r.Type));
    }
}

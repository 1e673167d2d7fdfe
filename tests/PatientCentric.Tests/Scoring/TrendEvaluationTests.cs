using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PatientCentric.Control;
using PatientCentric.Records;
using PatientCentric.Scoring;
using PatientCentric.Serialization;
using static PatientCentric.Tests.TestData;

namespace PatientCentric.Tests.Scoring;

/// <summary>Series and funnels in <see cref="PracticeEvaluator"/> (docs/spc.md#every-measure-over-time,
/// docs/funnel.md#funnels-in-the-evaluation), and the resolution of kinds, directions and charts.</summary>
public sealed class TrendEvaluationTests
{
    private static readonly MeasurementPeriod Quarter1 = new(new DateOnly(2025, 1, 1), new DateOnly(2025, 3, 31));

    private static PracticeEvaluation Evaluate(PracticeDataSet data, IDictionary<string, string?>? settings = null)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection();
        services.Configure<PatientCentricOptions>(config.GetSection(PatientCentricOptions.SectionName));
        using var provider = services.AddPatientCentric().BuildServiceProvider();
        return provider.GetRequiredService<PracticeEvaluator>().Evaluate(data with { Period = Quarter1 }, Quarter1, Lenient);
    }

    // Three months of appointments for two clinicians: one no-show in five each month, no March visits for C2.
    private static PracticeDataSet ThreeMonths()
    {
        var appointments = new List<Appointment>();
        int id = 0;
        foreach (int month in (int[])[1, 2, 3])
        {
            for (int i = 0; i < 20; i++)
            {
                var start = new DateTimeOffset(2025, month, 3 + i, 9, 0, 0, TimeSpan.FromHours(-6));
                string clinician = i % 2 == 0 || month == 3 ? "C1" : "C2";
                appointments.Add(new Appointment($"A{id++}", $"P{i}", "primary-care", clinician, start.AddDays(-5), start,
                    i % 5 == 0 ? AppointmentOutcome.NoShow : AppointmentOutcome.Kept));
            }
        }
        return Data(appointments);
    }

    [Fact]
    public void Evaluate_ProportionMeasure_GetsAMonthlySeriesWithItsCounts_OnAPPrimeChart()
    {
        var evaluation = Evaluate(ThreeMonths());
        var series = evaluation.Series.Single(s => s.MeasureKey == "no-show-rate" && s.Scope == ScoreScope.Practice);
        Assert.Equal(PeriodGrain.Month, series.Grain);
        Assert.Equal(MeasureKind.Proportion, series.Kind);
        Assert.Equal(ImprovementDirection.Decrease, series.Direction);
        Assert.Equal([4.0, 4, 4], series.Points.Select(p => p.Numerator!.Value));
        Assert.Equal([20.0, 20, 20], series.Points.Select(p => p.Denominator!.Value));
        Assert.Equal(SpcChartKind.PPrime, series.Chart!.Kind);
        Assert.Equal(0.2, series.Chart.Points[0].Value!.Value, 12);
    }

    [Fact]
    public void Evaluate_WithTrends_LeavesEveryCardByteIdentical()
    {
        var data = ThreeMonths();
        var on = Evaluate(data);
        var off = Evaluate(data, new Dictionary<string, string?> { ["PatientCentric:Trends:Enabled"] = "false" });
        Assert.Empty(off.Series);
        Assert.Empty(off.Funnels);
        Assert.NotEmpty(on.Series);
        Assert.Equal(JsonSerializer.Serialize(off.Cards, PatientCentricJsonContext.Default.ImmutableArrayScoreCard),
                     JsonSerializer.Serialize(on.Cards, PatientCentricJsonContext.Default.ImmutableArrayScoreCard));
    }

    [Fact]
    public void Evaluate_PeriodWithoutData_IsAGapWithAReason_NeverZero()
    {
        var series = Evaluate(ThreeMonths()).Series.Single(s => s.MeasureKey == "no-show-rate" && s.Scope.Key == "C2");
        var march = series.Points[2];
        Assert.Null(march.Value);
        Assert.Null(march.Numerator);
        Assert.Equal(ScoreStatus.InsufficientData, march.Status);
        Assert.NotNull(march.StatusReason);
        Assert.Null(series.Chart!.Points[2].Value);   // a gap on the chart
    }

    [Fact]
    public void Evaluate_DurationMeasure_IsChartedAsXmROfThePeriodValues()
    {
        var series = Evaluate(ThreeMonths()).Series.Single(s => s.MeasureKey == "lead-time" && s.Scope == ScoreScope.Practice);
        Assert.Equal(MeasureKind.DurationStatistic, series.Kind);
        Assert.Equal(SpcChartKind.I, series.Chart!.Kind);
        Assert.All(series.Points, p => Assert.Null(p.Numerator));
        Assert.Equal([5.0, 5, 5], series.Points.Select(p => p.Value!.Value));
    }

    [Fact]
    public void Evaluate_WeeklyGrainAndAnOverride_AreHonoured()
    {
        var evaluation = Evaluate(ThreeMonths(), new Dictionary<string, string?>
        {
            ["PatientCentric:Trends:Grain"] = "Week",
            ["PatientCentric:Trends:Measures:no-show-rate:Chart"] = "P",
            ["PatientCentric:Trends:Measures:no-show-rate:Direction"] = "Neutral",
        });
        var series = evaluation.Series.Single(s => s.MeasureKey == "no-show-rate" && s.Scope == ScoreScope.Practice);
        Assert.Equal(PeriodGrain.Week, series.Grain);
        Assert.Equal(SpcChartKind.P, series.Chart!.Kind);
        Assert.Equal(ImprovementDirection.Neutral, series.Direction);
        Assert.True(series.Points[0].IsPartialPeriod);   // 2025-01-01 is a Wednesday
        Assert.Equal(new DateOnly(2025, 1, 6), series.Points[1].Period.Start);
    }

    [Fact]
    public void Evaluate_TooFewPeriodsWithAValue_GivesNoChartAndSaysWhy()
    {
        var data = Data([Kept(new DateTimeOffset(2025, 2, 10, 9, 0, 0, TimeSpan.FromHours(-6)))]);
        var series = Evaluate(data).Series.Single(s => s.MeasureKey == "lead-time" && s.Scope == ScoreScope.Practice);
        Assert.Null(series.Chart);
        Assert.Equal("The I chart needs at least 2 consecutive periods with a value; 1 of 3 periods have one.", series.ChartReason);
    }

    [Fact]
    public void Evaluate_Funnel_AcrossClinicians_UsesTheCardsCounts()
    {
        var evaluation = Evaluate(ThreeMonths());
        var funnel = evaluation.Funnels.Single(f => f.MeasureKey == "no-show-rate" && f.UnitLevel == ScopeLevel.Clinician);
        Assert.Equal(["C1", "C2"], funnel.UnitKeys);
        Assert.Equal([8.0, 4], funnel.Numerators);     // C1: 2 + 2 + 4 no-shows; C2: 2 + 2
        Assert.Equal([40.0, 20], funnel.Denominators);
        Assert.Equal(0.2, funnel.Result.Target, 12);    // pooled
        Assert.Empty(funnel.Outside998);
        Assert.Equal(0, funnel.UnitsWithoutValue);
    }

    [Fact]
    public void Evaluate_OneServiceLine_GivesNoServiceLineFunnel() =>
        Assert.DoesNotContain(Evaluate(ThreeMonths()).Funnels, f => f.UnitLevel == ScopeLevel.ServiceLine);

    [Fact]
    public void Funnel_WithFewerThanTwoUnitsWithAValue_IsNull()
    {
        var ok = ScoreCard.Ok("no-show-rate", new ScoreScope(ScopeLevel.Clinician, "C1"), 0.5, ScoreScale.Proportion, 10, 0, Counts(5, 10));
        var without = ScoreCard.WithoutValue("no-show-rate", new ScoreScope(ScopeLevel.Clinician, "C2"), ScoreScale.Proportion,
            ScoreStatus.InsufficientData, "Too few.", 2, 0, Counts(1, 2));
        Assert.Null(PracticeEvaluator.Funnel("no-show-rate", ScopeLevel.Clinician, MeasureKind.Proportion, [ok, without]));
    }

    [Fact]
    public void Funnel_AClinicianWithTinyVolume_IsNotFlaggedByNoise_WhileALargeOutlierIs()
    {
        // Twelve clinicians near 10 % on 400 appointments each; one at 3 of 10 (30 %, noise at that volume); one at 120 of 400.
        var cards = Enumerable.Range(0, 12).Select(i => Card($"C{i:00}", 36 + (i % 5), 400)).ToList();
        cards.Add(Card("tiny", 3, 10));
        cards.Add(Card("outlier", 120, 400));
        var funnel = PracticeEvaluator.Funnel("no-show-rate", ScopeLevel.Clinician, MeasureKind.Proportion, cards)!;
        Assert.Equal(["outlier"], funnel.Outside998);
        Assert.False(funnel.Result.Units[funnel.UnitKeys.IndexOf("tiny")].Outside998);
    }

    [Fact]
    public void Resolve_OwnOverrideWinsOverFamily_WhichWinsOverTheCatalog()
    {
        var options = new TrendOptions();
        options.Measures["nps"] = new TrendMeasureOptions { Direction = ImprovementDirection.Decrease, Chart = SpcChartKind.IMedian };
        options.Measures["nps:recommend"] = new TrendMeasureOptions { Direction = ImprovementDirection.Neutral };
        var traits = new MeasureTraits(options);
        Same((MeasureKind.Score, ImprovementDirection.Neutral, SpcChartKind.IMedian), traits.Resolve("nps:recommend"));
        Same((MeasureKind.Score, ImprovementDirection.Decrease, SpcChartKind.IMedian), traits.Resolve("nps:other"));
        Same((MeasureKind.Proportion, ImprovementDirection.Decrease, SpcChartKind.PPrime), traits.Resolve("no-show-rate"));
        Same((MeasureKind.RatePer1000, ImprovementDirection.Decrease, SpcChartKind.UPrime), traits.Resolve("billing-complaints-per-1000-statements"));
        Assert.Null(traits.Resolve("host-measure"));
    }

    [Fact]
    public void Validate_AChartThatDoesNotFitTheKind_NamesTheSettingAndTheChartsThatFit()
    {
        var options = new PatientCentricOptions();
        options.Trends.Measures["no-show-rate"] = new TrendMeasureOptions { Chart = SpcChartKind.U };
        options.Trends.Measures["host-measure"] = new TrendMeasureOptions { Chart = SpcChartKind.G };
        var result = new PatientCentricOptionsValidator().Validate(null, options);
        Assert.Equal(
            [
                "PatientCentric:Trends:Measures:no-show-rate:Chart: a U chart cannot show a Proportion measure; use one of Run, P, PPrime.",
                "PatientCentric:Trends:Measures:host-measure:Chart: the library does not know the kind of \"host-measure\"; set PatientCentric:Trends:Measures:host-measure:Kind as well.",
            ], result.Failures);
    }

    private static void Same((MeasureKind, ImprovementDirection, SpcChartKind) expected, (MeasureKind, ImprovementDirection, SpcChartKind)? actual) =>
        Assert.Equal(expected, Assert.NotNull(actual));

    private static ScoreCard Card(string clinician, int noShows, int denominator) =>
        ScoreCard.Ok("no-show-rate", new ScoreScope(ScopeLevel.Clinician, clinician), (double)noShows / denominator, ScoreScale.Proportion,
            denominator, 0, Counts(noShows, denominator));

    private static System.Collections.Immutable.ImmutableArray<ScoreComponent> Counts(int numerator, int denominator) =>
        [ScoreComponent.Describe("no-shows", numerator, ScoreScale.Count, "n"), ScoreComponent.Describe("denominator", denominator, ScoreScale.Count, "d")];
}

using Microsoft.Extensions.DependencyInjection;
using PatientCentric.Control;
using PatientCentric.Records;
using PatientCentric.Scoring;
using PatientCentric.Serialization;
using PatientCentric.Touchpoints;

namespace PatientCentric.Tests.Scoring;

/// <summary>The one place a built-in measure's improvement direction and kind are declared (docs/measures.md).</summary>
public sealed class MeasureCatalogTests
{
    [Theory]
    [InlineData("no-show-rate", ImprovementDirection.Decrease)]
    [InlineData("lead-time", ImprovementDirection.Decrease)]
    [InlineData("wait-to-be-seen", ImprovementDirection.Decrease)]
    [InlineData("call-abandonment-rate", ImprovementDirection.Decrease)]
    [InlineData("nps:recommend", ImprovementDirection.Increase)]
    [InlineData("pdc:statins", ImprovementDirection.Increase)]
    [InlineData("clean-claim-rate", ImprovementDirection.Increase)]
    [InlineData("cahps:office-staff", ImprovementDirection.Increase)]
    [InlineData("commitment:trust", ImprovementDirection.Increase)]
    [InlineData("telehealth-share", ImprovementDirection.Neutral)]
    [InlineData("statement-to-payment-days", ImprovementDirection.Neutral)]
    [InlineData("host-defined-measure", null)]
    public void DirectionOf_OwnEntry_ElseTheFamily(string measureKey, ImprovementDirection? expected) =>
        Assert.Equal(expected, MeasureCatalog.DirectionOf(measureKey));

    [Theory]
    [InlineData("no-show-rate", MeasureKind.Proportion)]
    [InlineData("pdc:statins", MeasureKind.Proportion)]
    [InlineData("referral-closure", MeasureKind.Proportion)]
    [InlineData("job-timeliness:complete-lab", MeasureKind.Proportion)]
    [InlineData("billing-complaints-per-1000-statements", MeasureKind.RatePer1000)]
    [InlineData("lead-time", MeasureKind.DurationStatistic)]
    [InlineData("wait-to-be-seen", MeasureKind.DurationStatistic)]
    [InlineData("tnaa", MeasureKind.DurationStatistic)]
    [InlineData("portal-response", MeasureKind.DurationStatistic)]
    [InlineData("statement-to-payment-days", MeasureKind.DurationStatistic)]
    [InlineData("average-speed-of-answer", MeasureKind.DurationStatistic)]
    [InlineData("nps:recommend", MeasureKind.Score)]
    [InlineData("cahps:access", MeasureKind.Score)]
    [InlineData("rating", MeasureKind.Score)]
    [InlineData("commitment:trust", MeasureKind.Score)]
    [InlineData("host-defined-measure", null)]
    [InlineData(":no-show-rate", null)]
    public void KindOf_OwnEntry_ElseTheFamily(string measureKey, MeasureKind? expected) =>
        Assert.Equal(expected, MeasureCatalog.KindOf(measureKey));

    [Fact]
    public void EveryDeclaredKey_HasBothADirectionAndAKind()
    {
        Assert.NotEmpty(MeasureCatalog.Keys);
        Assert.All(MeasureCatalog.Keys, k => Assert.NotNull(MeasureCatalog.DirectionOf(k)));
        Assert.All(MeasureCatalog.Keys, k => Assert.NotNull(MeasureCatalog.KindOf(k)));
        Assert.Throws<ArgumentNullException>(() => MeasureCatalog.DirectionOf(null!));
    }

    [Fact]
    public void MeasureDirections_AgreeWithTheCoreTargetsAndTheDefaultRubric()
    {
        Assert.NotEmpty(MeasureTarget.CommonlyCited);
        foreach (var (key, target) in MeasureTarget.CommonlyCited)
            Assert.Equal(target.HigherIsBetter ? ImprovementDirection.Increase : ImprovementDirection.Decrease, MeasureCatalog.DirectionOf(key));

        var disagreements = new List<string>();
        foreach (var measure in CommitmentRubric.Default.Values.SelectMany(m => m).Where(m => m.Key != CommitmentRubric.ReviewsKey))
        {
            var implied = measure.Best > measure.Worst ? ImprovementDirection.Increase : ImprovementDirection.Decrease;
            if (MeasureCatalog.DirectionOf(measure.Key) != implied)
                disagreements.Add(measure.Key);
        }
        // The one deliberate exception: the rubric rewards a telehealth share up to 0.3; as a measure it has no better side.
        Assert.Equal(["telehealth-share"], disagreements);
        Assert.Equal(ImprovementDirection.Neutral, MeasureCatalog.DirectionOf("telehealth-share"));
    }

    [Fact]
    public void BundledSample_EveryMeasureKeyItsReportProduces_HasADirectionAndAKind()
    {
        // A new built-in measure must be placed in the catalog (increase, decrease or deliberately neutral, and a kind), not fall through.
        var evaluation = EvaluateSample();
        var cards = evaluation.Cards.Concat(evaluation.PatientCards).ToList();
        var keys = cards.Select(c => c.MeasureKey).Distinct(StringComparer.Ordinal).ToList();
        Assert.Contains("billing-complaints-per-1000-statements", keys);
        Assert.Contains(keys, k => k.StartsWith("pdc:", StringComparison.Ordinal));
        Assert.All(keys, k => Assert.True(MeasureCatalog.DirectionOf(k) is not null, k));
        Assert.All(keys, k => Assert.True(MeasureCatalog.KindOf(k) is not null, k));
        // A proportion is stated as one; the scale of the rest follows from their kind.
        Assert.All(cards.Where(c => MeasureCatalog.KindOf(c.MeasureKey) == MeasureKind.Proportion),
            c => Assert.Equal(ScoreScale.Proportion, c.Scale));
        Assert.All(cards.Where(c => MeasureCatalog.KindOf(c.MeasureKey) == MeasureKind.DurationStatistic),
            c => Assert.Contains(c.Scale, new[] { ScoreScale.Days, ScoreScale.Hours, ScoreScale.Minutes, ScoreScale.Seconds }));
        Assert.Null(MeasureCatalog.DirectionOf("access-rates"));   // a scorer key, not a measure
    }

    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static PracticeEvaluation EvaluateSample()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string path = Path.Combine(dir.FullName, "src", "PatientCentric.Cli", "Sample", "sample-practice.json");
            if (!File.Exists(path))
                continue;
            PracticeDataSet data;
            using (var stream = File.OpenRead(path))
                data = PracticeDataSetReader.Read(stream, "sample-practice.json");
            using var services = new ServiceCollection()
                .AddSingleton<TimeProvider>(new FixedTimeProvider(new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero)))
                .AddPatientCentric()
                .BuildServiceProvider();
            return services.GetRequiredService<PracticeEvaluator>().Evaluate(data);
        }
        throw new InvalidOperationException("The bundled sample (src/PatientCentric.Cli/Sample/sample-practice.json) was not found above the test binaries.");
    }
}

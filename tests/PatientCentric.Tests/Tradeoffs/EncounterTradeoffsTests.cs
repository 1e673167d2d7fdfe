using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PatientCentric.Scoring;
using PatientCentric.Tradeoffs;

namespace PatientCentric.Tests.Tradeoffs;

public sealed class EncounterTradeoffsTests
{
    // CS: survey top-box 0..100; QC: host clinical measure 0.5..1.0; CE: cost per episode, best 1,000 below worst 5,000.
    private static readonly MetricScales Scales = new(new MetricBounds(0, 100), new MetricBounds(0.5, 1.0), new MetricBounds(5000, 1000));

    [Fact]
    public void Normalise_BestBelowWorst_RunsDownwardAndClips()
    {
        var cost = new MetricBounds(5000, 1000);
        Assert.Equal((0.75, 0.0, 1.0), (cost.Normalise(2000), cost.Normalise(9000), cost.Normalise(500)));
    }

    [Fact]
    public void Bounds_BestEqualToWorst_IsAConfigurationError() =>
        Assert.Equal("The best and worst bounds of a metric must differ. (Parameter 'best')",
                     Assert.Throws<ArgumentException>(() => new MetricBounds(3, 3)).Message);

    [Fact]
    public void Assess_WorkedExample_GivesScoresFrontAndMaximiser()
    {
        EncounterOption[] options =
        [
            new("concierge", 90, 0.90, 4000),   // s = 0.9, 0.8, 0.25
            new("standard", 70, 0.90, 2000),    // s = 0.7, 0.8, 0.75
            new("lean", 60, 0.85, 2200),        // s = 0.6, 0.7, 0.70  — dominated by standard
            new("cut-corners", 95, 0.55, 1000), // s = 0.95, 0.1, 1.0 — below the floor 0.5
            new("unmeasured", 80, null, 1500),
        ];
        var r = EncounterTradeoffs.Assess(options, Scales, BuiltInProfiles.AestheticSelfPay.Weights, qualityFloor: 0.5);
        Assert.Equal([ScoreStatus.Ok, ScoreStatus.Ok, ScoreStatus.Ok, ScoreStatus.GuardrailBlocked, ScoreStatus.InsufficientData], r.Options.Select(o => o.Status));
        Assert.Equal((0.4 * 0.9) + (0.4 * 0.8) + (0.2 * 0.25), r.Options[0].WeightedScore!.Value, 12);
        Assert.Equal((0.4 * 0.7) + (0.4 * 0.8) + (0.2 * 0.75), r.Options[1].WeightedScore!.Value, 12);
        Assert.Null(r.Options[3].WeightedScore);
        Assert.Null(r.Options[4].QualityOfCare);
        Assert.Equal(["concierge", "standard"], r.ParetoFront);
        Assert.Equal("standard", r.BestWeighted);   // U: concierge 0.36 + 0.32 + 0.05 = 0.73; standard 0.28 + 0.32 + 0.15 = 0.75
    }

    [Fact]
    public void Assess_IdenticalVectors_AreBothOnTheFront()
    {
        var r = EncounterTradeoffs.Assess([new("a", 50, 0.8, 3000), new("b", 50, 0.8, 3000)], Scales, new MetricWeights(1, 1, 1));
        Assert.Equal(["a", "b"], r.ParetoFront);
        Assert.Equal("a", r.BestWeighted);   // ties: input order
    }

    private static Arbitrary<EncounterOption[]> Options() =>
        (from n in Gen.Choose(1, 12)
         from values in Gen.Choose(0, 10).Three().ArrayOf(n)
         select values.Select((v, i) => new EncounterOption($"o{i}", v.Item1 * 10, 0.5 + (v.Item2 / 20.0), 5000 - (v.Item3 * 400))).ToArray()).ToArbitrary();

    private static double[] Vector(OptionAssessment o) => [o.CustomerService!.Value, o.QualityOfCare!.Value, o.CostEffectiveness!.Value];

    [Property(MaxTest = 1_000)]
    public Property Front_IsMutuallyNonDominated_AndDominatesEveryOtherOkOption() =>
        Prop.ForAll(Options(), Gen.Choose(0, 10).ToArbitrary(), (options, floorTenths) =>
        {
            var r = EncounterTradeoffs.Assess(options, Scales, new MetricWeights(1, 2, 1), floorTenths / 10.0);
            var front = r.Options.Where(o => o.IsOnParetoFront).ToArray();
            var rest = r.Options.Where(o => !o.IsOnParetoFront && o.Status == ScoreStatus.Ok);
            return front.All(a => front.All(b => !EncounterTradeoffs.Dominates(Vector(a), Vector(b))))
                   && rest.All(x => front.Any(f => EncounterTradeoffs.Dominates(Vector(f), Vector(x))))
                   && r.Options.Where(o => o.IsExcluded).All(o => !o.IsOnParetoFront)
                   && (r.BestWeighted is null || r.ParetoFront.Contains(r.BestWeighted));
        });
}

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PatientCentric.Customers;
using PatientCentric.Scoring;

namespace PatientCentric.Tests.Customers;

public sealed class WeightedSumStrategyTests
{
    private static readonly WeightedSumStrategy Strategy = new();

    private static PrimaryCustomerDecision Decide(StakeholderAssessments a) => Strategy.Decide(a, TestData.Context());

    [Fact]
    public void Decide_ScoresWithDeclaredBounds_AndExplainsEachCriterion()
    {
        var d = Decide(CustomerTestData.ThreeStakeholders());
        Assert.Equal("patients", d.WinnerKey);
        Assert.Equal(["patients", "payer", "referrers"], d.Ranking.Select(c => c.Scope.Key));
        Assert.Equal([0.70, 0.65, 0.45], d.Ranking.Select(c => Math.Round(c.Value!.Value, 12)));
        Assert.Equal([1, 2, 3], d.Ranks);
        Assert.Equal(0.05, d.ScoreMargin!.Value, 12);
        var fit = d.Ranking[0].Components[0];
        Assert.Equal(("fit", 8.0, ScoreScale.Assessment, 0.5), (fit.Name, fit.InputValue!.Value, fit.InputScale, fit.Weight!.Value));
        Assert.Equal(0.4, fit.Contribution!.Value, 12);
        Assert.Equal("Assessed 8 on the scale 0..10 (benefit), normalised to 0.8.", fit.Reason);
        Assert.Equal(d.Ranking[0].Value!.Value, d.Ranking[0].Components.Sum(c => c.Contribution ?? 0), 12);
        Assert.Equal(9, d.Assumptions.Length);
        Assert.Equal("fit review", d.Assumptions[0].Source);
        Assert.Equal(TestData.AfterJanuary, d.DecidedAt);
    }

    [Fact]
    public void Decide_EqualScores_IsATieWithoutWinnerAndMarginZero()
    {
        var a = CustomerTestData.WithValue(CustomerTestData.ThreeStakeholders(), "payer", "fit", 6);   // payer 0.70 too
        var d = Decide(a);
        Assert.Equal(DecisionOutcome.Tie, d.Outcome);
        Assert.Null(d.WinnerKey);
        Assert.Equal(0.0, d.ScoreMargin);
        Assert.Equal([1, 1, 3], d.Ranks);
        Assert.Equal(WeightMarginStatus.NotApplicable, d.WeightMargin.Status);
    }

    [Fact]
    public void Decide_ValuesOutsideTheScale_AreClipped()
    {
        var a = CustomerTestData.WithValue(CustomerTestData.ThreeStakeholders(), "referrers", "fit", 14);
        var card = Decide(a).Ranking.Single(c => c.Scope.Key == "referrers");
        Assert.Equal(0.5, card.Components[0].Contribution!.Value, 12);
    }

    [Fact]
    public void Decide_MinMaxWhereAllAgree_NormalisesToOne()
    {
        var a = CustomerTestData.Build(["x", "y"], [new("c", 1, CriterionDirection.Benefit, 0, 10), new("d", 1, CriterionDirection.Cost, 0, 10)], [[5, 2], [5, 4]]);
        a = a with { Options = new DecisionOptions { Normalization = CriterionNormalization.MinMaxAcrossAlternatives } };
        var d = Decide(a);
        Assert.Equal([1.0, 0.5], d.Ranking.Select(c => c.Value!.Value));
        Assert.Empty(d.BreakEvens);   // break-evens need fixed bounds
    }

    [Fact]
    public void Decide_BreakEvens_AreInRawUnits_AndApplyingOneTies()
    {
        var d = Decide(CustomerTestData.ThreeStakeholders());
        // lead 0.05: fit drop 0.1 → 7; capability drop 1/6 → 4.333…; cost-to-serve (cost) drop 0.25 → 6.5.
        Assert.Equal(["fit", "capability", "cost-to-serve"], d.BreakEvens.Select(b => b.CriterionKey));
        Assert.All(d.BreakEvens, b => Assert.Equal("payer", b.RivalKey));
        Assert.Equal(7.0, d.BreakEvens[0].Threshold!.Value, 9);
        Assert.Equal(6 - (10 / 6.0), d.BreakEvens[1].Threshold!.Value, 9);
        Assert.Equal(6.5, d.BreakEvens[2].Threshold!.Value, 9);
        var tied = Decide(CustomerTestData.WithValue(CustomerTestData.ThreeStakeholders(), "patients", "cost-to-serve", 6.5));
        Assert.Equal(DecisionOutcome.Tie, tied.Outcome);
    }

    [Fact]
    public void Decide_RequiredDropBeyondTheCurrentValue_HasNoBreakEven()
    {
        // patients lead payer by 0.3 on two criteria; capability (weight 0.1) would need a drop of 3 normalised units.
        var a = CustomerTestData.Build(["patients", "payer"],
            [new("fit", 0.9, CriterionDirection.Benefit, 0, 10), new("capability", 0.1, CriterionDirection.Benefit, 0, 10)], [[8, 5], [5, 5]]);
        var d = Decide(a);
        Assert.Equal(0.27, d.ScoreMargin!.Value, 12);
        Assert.True(d.BreakEvens[0].HasBreakEven);
        Assert.False(d.BreakEvens[1].HasBreakEven);
        Assert.Equal(2.7, d.BreakEvens[1].NormalisedChange!.Value, 12);
    }

    [Fact]
    public void Decide_SubnormalWeight_HasNoBreakEven_AndNoInfiniteChange()
    {
        // A weight of 5e-324 (found by the hostile-input fuzz test): lead ÷ weight overflows to infinity, which no JSON
        // can carry; the criterion has no break-even, as a weight of 0.
        var a = CustomerTestData.Build(["patients", "payer"],
            [new("fit", 0.9, CriterionDirection.Benefit, 0, 10), new("capability", double.Epsilon, CriterionDirection.Benefit, 0, 10)], [[8, 5], [5, 5]]);
        var d = Decide(a);
        Assert.True(d.BreakEvens[0].HasBreakEven);
        Assert.Equal(("capability", null, null), (d.BreakEvens[1].CriterionKey, d.BreakEvens[1].NormalisedChange, d.BreakEvens[1].Threshold));
        Assert.All(d.BreakEvens, b => Assert.True(b.NormalisedChange is null || double.IsFinite(b.NormalisedChange.Value)));
    }

    [Fact]
    public void Decide_WeightMargin_IsExact_AndNamesCriterionDirectionAndNewWinner()
    {
        var a = CustomerTestData.ThreeStakeholders();
        var d = Decide(a);
        var m = d.WeightMargin;
        Assert.Equal(WeightMarginStatus.Found, m.Status);
        Assert.Equal("payer", m.NewWinnerKey);
        var weights = d.Weights.Select(w => w.Weight).ToArray();
        int j = Array.FindIndex([.. d.Weights], w => w.CriterionKey == m.CriterionKey);
        var after = Decide(CustomerTestData.WithWeights(a, DecisionPipeline.Perturb(weights, j, m.Delta!.Value)));
        Assert.NotEqual("patients", after.WinnerKey);
    }

    [Fact]
    public void Decide_OneCandidateDominatingOnEveryCriterion_IsRobust()
    {
        var a = CustomerTestData.Build(["x", "y"], [new("c", 1, CriterionDirection.Benefit, 0, 10), new("d", 1, CriterionDirection.Benefit, 0, 10)], [[9, 9], [1, 1]]);
        Assert.Equal(WeightMargin.Robust, Decide(a).WeightMargin);
    }

    [Fact]
    public void Decide_MinMax_RemovingALoser_CanReverseTheRank()
    {
        // Found by search: with min–max, removing "b" lets "c" overtake "a"; with fixed bounds it cannot.
        var a = CustomerTestData.Build(["a", "b", "c"], [new("p", 0.6, CriterionDirection.Benefit, 0, 10), new("q", 0.4, CriterionDirection.Benefit, 0, 10)],
            [[9, 10], [2, 6], [10, 6]]);
        Assert.False(Decide(a).IsRankReversalSensitive);
        var minMax = Decide(a with { Options = new DecisionOptions { Normalization = CriterionNormalization.MinMaxAcrossAlternatives } });
        Assert.Equal("a", minMax.WinnerKey);
        Assert.True(minMax.IsRankReversalSensitive);
    }

    [Fact]
    public void Decide_SalienceScreen_ExcludesLatentStakeholders()
    {
        var a = CustomerTestData.ThreeStakeholders() with
        {
            Salience = [new("patients", 0, 1, 0), new("payer", 1, 1, 0), new("referrers", 1, 1, 1)],
        };
        var d = Decide(a);
        Assert.Equal("payer", d.WinnerKey);
        Assert.Equal(["payer", "referrers", "patients"], d.Ranking.Select(c => c.Scope.Key));
        var screened = d.Ranking[2];
        Assert.Equal(ScoreStatus.NotApplicable, screened.Status);
        Assert.Equal("Screened out: salience class discretionary is below the expectant group the screen requires.", screened.StatusReason);
        Assert.Equal([1, 2, 0], d.Ranks);
        Assert.Equal("salience:dominant", d.Ranking[0].Components[^1].Name);
    }

    [Fact]
    public void Decide_MissingAssessment_IsAnArgumentError()
    {
        var a = CustomerTestData.ThreeStakeholders();
        a = a with { Assessments = a.Assessments.RemoveAt(4) };
        var e = Assert.Throws<ArgumentException>(() => Decide(a));
        Assert.StartsWith("\"payer\" has no assessment on \"capability\"; every stakeholder needs one per criterion.", e.Message, StringComparison.Ordinal);
    }

    private static Arbitrary<StakeholderAssessments> Inputs() =>
        (from m in Gen.Choose(2, 5)
         from n in Gen.Choose(1, 4)
         from cells in Gen.Choose(0, 10).ArrayOf(m * n)
         from weights in Gen.Choose(0, 10).ArrayOf(n).Where(w => w.Sum() > 0)
         from dirs in Gen.Elements(CriterionDirection.Benefit, CriterionDirection.Cost).ArrayOf(n)
         select CustomerTestData.Build(
             [.. Enumerable.Range(0, m).Select(i => $"s{i}")],
             [.. Enumerable.Range(0, n).Select(j => new Criterion($"c{j}", weights[j], dirs[j], 0, 10))],
             [.. Enumerable.Range(0, m).Select(i => cells.Skip(i * n).Take(n).Select(x => (double)x).ToArray())])).ToArbitrary();

    [Property(MaxTest = 1_000)]
    public Property WeightMargin_ApplyingTheReportedDelta_ChangesTheWinner() =>
        Prop.ForAll(Inputs(), a =>
        {
            var d = Decide(a);
            if (d.WeightMargin.Status != WeightMarginStatus.Found)
                return true;
            var weights = d.Weights.Select(w => w.Weight).ToArray();
            int j = Array.FindIndex([.. d.Weights], w => w.CriterionKey == d.WeightMargin.CriterionKey);
            var after = Decide(CustomerTestData.WithWeights(a, DecisionPipeline.Perturb(weights, j, d.WeightMargin.Delta!.Value)));
            return after.WinnerKey != d.WinnerKey;
        });

    [Property(MaxTest = 500)]
    public Property ScalingAllWeights_ChangesNothing() =>
        Prop.ForAll(Inputs(), Gen.Choose(2, 100).ToArbitrary(), (a, k) =>
        {
            var d1 = Decide(a);
            var d2 = Decide(CustomerTestData.WithWeights(a, [.. a.Criteria.Select(c => c.Weight * k)]));
            return d1.WinnerKey == d2.WinnerKey && d1.Ranking.Zip(d2.Ranking).All(p => Math.Abs(p.First.Value!.Value - p.Second.Value!.Value) < 1e-12);
        });
}

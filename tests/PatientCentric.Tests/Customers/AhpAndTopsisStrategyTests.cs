using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PatientCentric.Customers;

namespace PatientCentric.Tests.Customers;

public sealed class AhpAndTopsisStrategyTests
{
    private static StakeholderAssessments WithJudgements(StakeholderAssessments a) => a with
    {
        CriteriaJudgements = CustomerTestData.Judgements(("fit", "capability", 2), ("fit", "cost-to-serve", 3), ("capability", "cost-to-serve", 1.5)),
    };

    [Fact]
    public void Ahp_DerivesCriteriaWeightsFromJudgements_AndScoresInDistributiveMode()
    {
        var a = WithJudgements(CustomerTestData.ThreeStakeholders());
        var d = new AhpStrategy().Decide(a, TestData.Context());
        // A consistent matrix (2·1.5 = 3): weights 6/11, 3/11, 2/11, CR 0.
        Assert.Equal([6 / 11.0, 3 / 11.0, 2 / 11.0], d.Weights.Select(w => w.Weight), (x, y) => Math.Abs(x - y) < 1e-12);
        Assert.Equal(0.0, d.CriteriaPriorities!.ConsistencyRatio, 9);
        // Local priorities: fit 0.8/1.7, 0.5/1.7, 0.4/1.7; capability 0.6/1.9, 0.8/1.9, 0.5/1.9; cost 0.6/1.9, 0.8/1.9, 0.5/1.9.
        double patients = (6 / 11.0 * 0.8 / 1.7) + (3 / 11.0 * 0.6 / 1.9) + (2 / 11.0 * 0.6 / 1.9);
        Assert.Equal("patients", d.WinnerKey);
        Assert.Equal(patients, d.Ranking[0].Value!.Value, 12);
        Assert.Equal(1.0, d.Ranking.Sum(c => c.Value!.Value), 12);
        Assert.Empty(d.BreakEvens);
    }

    [Fact]
    public void Ahp_WithoutJudgements_IsAnArgumentError()
    {
        var e = Assert.Throws<ArgumentException>(() => new AhpStrategy().Decide(CustomerTestData.ThreeStakeholders(), TestData.Context()));
        Assert.StartsWith("The ahp strategy needs CriteriaJudgements comparing every pair of criteria.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Topsis_RanksByCloseness_WithTheStatedNormalisation()
    {
        var d = new TopsisStrategy().Decide(CustomerTestData.ThreeStakeholders(), TestData.Context());
        var t = Topsis.Rank([[8, 6, 4], [5, 8, 2], [4, 5, 5]], [0.5, 0.3, 0.2],
            [CriterionDirection.Benefit, CriterionDirection.Benefit, CriterionDirection.Cost]);
        Assert.Equal(t.Closeness.Max(), d.Ranking[0].Value!.Value, 15);
        Assert.Contains("Vector normalisation", d.Ranking[0].Components[0].Reason, StringComparison.Ordinal);
    }

    private static Arbitrary<StakeholderAssessments> Inputs() =>
        (from m in Gen.Choose(2, 4)
         from cells in Gen.Choose(0, 10).ArrayOf(m * 3)
         from weights in Gen.Choose(1, 10).ArrayOf(3)
         select CustomerTestData.Build(
             [.. Enumerable.Range(0, m).Select(i => $"s{i}")],
             [new("fit", weights[0], CriterionDirection.Benefit, 0, 10), new("capability", weights[1], CriterionDirection.Benefit, 0, 10), new("cost-to-serve", weights[2], CriterionDirection.Cost, 0, 10)],
             [.. Enumerable.Range(0, m).Select(i => cells.Skip(i * 3).Take(3).Select(x => (double)x).ToArray())])).ToArbitrary();

    [Property(MaxTest = 100)]
    public Property NumericWeightMargin_ApplyingTheReportedDelta_ChangesTheWinner() =>
        Prop.ForAll(Inputs(), a =>
        {
            IPrimaryCustomerStrategy[] strategies = [new TopsisStrategy(), new AhpStrategy()];
            foreach (var s in strategies)
            {
                var input = s is AhpStrategy ? WithJudgements(a) : a;
                var d = s.Decide(input, TestData.Context());
                if (d.WeightMargin.Status != WeightMarginStatus.Found)
                    continue;
                // Re-score with the perturbed weights through the same method the strategy used.
                var weights = d.Weights.Select(w => w.Weight).ToArray();
                int j = Array.FindIndex([.. d.Weights], w => w.CriterionKey == d.WeightMargin.CriterionKey);
                var perturbed = DecisionPipeline.Perturb(weights, j, d.WeightMargin.Delta!.Value);
                var table = AssessmentTable.Read(input, requireSalience: false);
                ScoringMethod method = s is AhpStrategy ? new AhpMethod(table.Criteria, input.Options) : new TopsisMethod(table.Criteria, input.Options);
                var scores = method.Score(table.CandidateRows, perturbed);
                int winner = table.Candidates.IndexOf(Array.FindIndex([.. table.Stakeholders], x => x.Key == d.WinnerKey));
                if (CompetitionRanking.UniqueBest(scores) == winner)
                    return false;
            }
            return true;
        });
}

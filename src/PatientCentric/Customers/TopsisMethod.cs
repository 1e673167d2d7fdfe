using System.Collections.Immutable;
using PatientCentric.Scoring;

namespace PatientCentric.Customers;

/// <summary>TOPSIS closeness as the score (docs/topsis.md).</summary>
internal sealed class TopsisMethod(ImmutableArray<Criterion> criteria, DecisionOptions options) : ScoringMethod(criteria, options)
{
    public override bool DependsOnOtherCandidates => Options.TopsisNormalization == TopsisNormalization.MinMax;

    private TopsisResult Run(double[][] rows, double[] weights) =>
        Topsis.Rank(rows, weights, [.. Criteria.Select(c => c.Direction)], Options.TopsisNormalization);

    public override double[] Score(double[][] rows, double[] weights) => [.. Run(rows, weights).Closeness];

    public override ImmutableArray<ScoreComponent> Components(double[][] rows, double[] weights, int row)
    {
        var t = Run(rows, weights);
        string distances = $"D+ = {SalienceText.Number(t.DistanceToIdeal[row])}, D- = {SalienceText.Number(t.DistanceToAntiIdeal[row])}";
        return [.. Enumerable.Range(0, Criteria.Length).Select(j =>
        {
            var c = Criteria[j];
            return new ScoreComponent(c.Key, rows[row][j], ScoreScale.Assessment, weights[j], null,
                $"Assessed {SalienceText.Number(rows[row][j])} ({(c.Direction == CriterionDirection.Benefit ? "benefit" : "cost")}); {Options.TopsisNormalization} normalisation; ideal {SalienceText.Number(t.Ideal[j])}, anti-ideal {SalienceText.Number(t.AntiIdeal[j])}; {distances}.");
        })];
    }
}

using System.Collections.Immutable;
using PatientCentric.Scoring;

namespace PatientCentric.Customers;

/// <summary>AHP synthesis with criteria weights from pairwise judgements and each stakeholder's local priority under a
/// criterion in distributive mode: its normalised value (docs/primary-customer.md) divided by the candidates' sum
/// (<c>pᵢⱼ = rᵢⱼ / Σₖ rₖⱼ</c>; 1/m when the sum is 0); <c>Sᵢ = Σⱼ wⱼ·pᵢⱼ</c>, so scores sum to 1.</summary>
internal sealed class AhpMethod(ImmutableArray<Criterion> criteria, DecisionOptions options) : ScoringMethod(criteria, options)
{
    public override bool DependsOnOtherCandidates => true;

    private double[][] Local(double[][] rows)
    {
        int m = rows.Length, n = Criteria.Length;
        var p = new double[m][];
        for (int i = 0; i < m; i++)
            p[i] = new double[n];
        for (int j = 0; j < n; j++)
        {
            double sum = 0;
            for (int i = 0; i < m; i++)
                sum += p[i][j] = Normalise(rows, i, j);
            for (int i = 0; i < m; i++)
                p[i][j] = sum == 0 ? 1.0 / m : p[i][j] / sum;
        }
        return p;
    }

    public override double[] Score(double[][] rows, double[] weights) =>
        [.. Local(rows).Select(pi => pi.Select((x, j) => weights[j] * x).Sum())];

    public override ImmutableArray<ScoreComponent> Components(double[][] rows, double[] weights, int row)
    {
        var p = Local(rows);
        return [.. Enumerable.Range(0, Criteria.Length).Select(j =>
        {
            double r = Normalise(rows, row, j);
            return new ScoreComponent(Criteria[j].Key, rows[row][j], ScoreScale.Assessment, weights[j], weights[j] * p[row][j],
                Explain(rows, row, j, r) + $" Local priority {SalienceText.Number(p[row][j])} (distributive mode).");
        })];
    }
}

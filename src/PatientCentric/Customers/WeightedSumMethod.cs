using System.Collections.Immutable;
using PatientCentric.Scoring;

namespace PatientCentric.Customers;

/// <summary>Weighted sum <c>Sᵢ = Σⱼ wⱼ·rᵢⱼ</c> with exact weight margin and value break-evens (docs/primary-customer.md).</summary>
internal sealed class WeightedSumMethod(ImmutableArray<Criterion> criteria, DecisionOptions options) : ScoringMethod(criteria, options)
{
    public override bool DependsOnOtherCandidates => Options.Normalization == CriterionNormalization.MinMaxAcrossAlternatives;

    private double[][] Normalised(double[][] rows) =>
        [.. rows.Select((_, i) => Enumerable.Range(0, Criteria.Length).Select(j => Normalise(rows, i, j)).ToArray())];

    public override double[] Score(double[][] rows, double[] weights)
    {
        var r = Normalised(rows);
        return [.. r.Select(ri => ri.Select((x, j) => weights[j] * x).Sum())];
    }

    public override ImmutableArray<ScoreComponent> Components(double[][] rows, double[] weights, int row) =>
        [.. Enumerable.Range(0, Criteria.Length).Select(j =>
        {
            double r = Normalise(rows, row, j);
            return new ScoreComponent(Criteria[j].Key, rows[row][j], ScoreScale.Assessment, weights[j], weights[j] * r, Explain(rows, row, j, r));
        })];

    // S'ᵢ(δ) = Sᵢ + δ·gᵢⱼ, gᵢⱼ = rᵢⱼ − (Sᵢ − wⱼrᵢⱼ)/(1 − wⱼ); a and b tie at δ = (S_a − S_b)/(g_bj − g_aj).
    public override WeightMargin? ExactWeightMargin(double[][] rows, double[] weights, int winner, Func<int, string> keyOf)
    {
        var r = Normalised(rows);
        var s = Score(rows, weights);
        WeightMargin best = WeightMargin.Robust;
        double bestAbs = double.PositiveInfinity;
        for (int j = 0; j < weights.Length; j++)
        {
            double wj = weights[j];
            if (wj >= 1.0)
                continue;
            double ga = r[winner][j] - ((s[winner] - (wj * r[winner][j])) / (1 - wj));
            for (int b = 0; b < rows.Length; b++)
            {
                if (b == winner)
                    continue;
                double gb = r[b][j] - ((s[b] - (wj * r[b][j])) / (1 - wj));
                if (gb == ga)
                    continue;
                double delta = (s[winner] - s[b]) / (gb - ga);
                double w = wj + delta;
                if (w < -1e-12 || w > 1 + 1e-12 || Math.Abs(delta) >= bestAbs)
                    continue;
                bestAbs = Math.Abs(delta);
                best = new WeightMargin(WeightMarginStatus.Found, Criteria[j].Key, delta, keyOf(b));
            }
        }
        return best;
    }

    public override ImmutableArray<ValueBreakEven> BreakEvens(double[][] rows, double[] weights, double[] scores, int winner, int runnerUp, Func<int, string> keyOf)
    {
        if (Options.Normalization != CriterionNormalization.ScaleBounds)
            return [];
        var list = ImmutableArray.CreateBuilder<ValueBreakEven>(Criteria.Length);
        double lead = scores[winner] - scores[runnerUp];
        for (int j = 0; j < Criteria.Length; j++)
        {
            var c = Criteria[j];
            double current = rows[winner][j];
            double drop = lead / weights[j];
            if (weights[j] == 0 || !double.IsFinite(drop))
            {
                // No weight, or one so small that no finite drop ties the rival (a subnormal weight): no break-even.
                list.Add(new ValueBreakEven(c.Key, keyOf(runnerUp), null, current, null));
                continue;
            }
            double r = Normalise(rows, winner, j);
            double? threshold = null;
            if (drop <= r)
            {
                double rNew = r - drop;
                threshold = c.Direction == CriterionDirection.Benefit
                    ? c.ScaleLow + (rNew * (c.ScaleHigh - c.ScaleLow))
                    : c.ScaleHigh - (rNew * (c.ScaleHigh - c.ScaleLow));
            }
            list.Add(new ValueBreakEven(c.Key, keyOf(runnerUp), drop, current, threshold));
        }
        return list.MoveToImmutable();
    }
}

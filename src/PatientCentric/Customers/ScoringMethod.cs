using System.Collections.Immutable;
using PatientCentric.Scoring;

namespace PatientCentric.Customers;

/// <summary>One way of turning a candidates × criteria table of raw values and normalised weights into scores
/// (higher is better); the decision pipeline (<see cref="DecisionPipeline"/>) adds ranking, margins and rank reversal.</summary>
internal abstract class ScoringMethod(ImmutableArray<Criterion> criteria, DecisionOptions options)
{
    public ImmutableArray<Criterion> Criteria { get; } = criteria;

    public DecisionOptions Options { get; } = options;

    /// <summary>Whether a candidate's score depends on which other candidates are ranked (a duplicate of the runner-up is then also tried).</summary>
    public abstract bool DependsOnOtherCandidates { get; }

    public abstract double[] Score(double[][] rows, double[] weights);

    /// <summary>One component per criterion for <paramref name="row"/>: normalised input, weight and, for additive scores, contribution.</summary>
    public abstract ImmutableArray<ScoreComponent> Components(double[][] rows, double[] weights, int row);

    /// <summary>The exact weight margin, or <see langword="null"/> to search numerically.</summary>
    public virtual WeightMargin? ExactWeightMargin(double[][] rows, double[] weights, int winner, Func<int, string> keyOf) => null;

    /// <summary>Break-evens of the winner's assessments against the runner-up; empty unless the method supports them.</summary>
    public virtual ImmutableArray<ValueBreakEven> BreakEvens(double[][] rows, double[] weights, double[] scores, int winner, int runnerUp, Func<int, string> keyOf) => [];

    /// <summary>Normalises x to 0..1 on criterion j per <see cref="DecisionOptions.Normalization"/> (docs/primary-customer.md), clipped.</summary>
    protected double Normalise(double[][] rows, int i, int j)
    {
        var c = Criteria[j];
        double lo = c.ScaleLow, hi = c.ScaleHigh;
        if (Options.Normalization == CriterionNormalization.MinMaxAcrossAlternatives)
        {
            lo = rows.Min(r => r[j]);
            hi = rows.Max(r => r[j]);
            if (hi == lo)
                return 1.0;
        }
        double x = rows[i][j];
        double r = c.Direction == CriterionDirection.Benefit ? (x - lo) / (hi - lo) : (hi - x) / (hi - lo);
        return Math.Clamp(r, 0.0, 1.0);
    }

    protected string Explain(double[][] rows, int i, int j, double r)
    {
        var c = Criteria[j];
        string bounds = Options.Normalization == CriterionNormalization.MinMaxAcrossAlternatives
            ? "the candidates' observed range"
            : $"the scale {SalienceText.Number(c.ScaleLow)}..{SalienceText.Number(c.ScaleHigh)}";
        return $"Assessed {SalienceText.Number(rows[i][j])} on {bounds} ({(c.Direction == CriterionDirection.Benefit ? "benefit" : "cost")}), normalised to {SalienceText.Number(r)}.";
    }
}

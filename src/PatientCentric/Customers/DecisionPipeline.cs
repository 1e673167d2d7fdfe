using System.Collections.Immutable;
using PatientCentric.Scoring;

namespace PatientCentric.Customers;

/// <summary>The steps every scoring strategy shares (docs/primary-customer.md): screen, score, rank with the docs/measures.md#conventions tie rule, score
/// margin, weight margin (exact or numerical), value break-evens, the rank-reversal check, and the decision record.</summary>
internal static class DecisionPipeline
{
    /// <summary>The numerical weight-margin scan step (docs/primary-customer.md).</summary>
    public const double ScanStep = 0.001;

    /// <summary>The numerical weight-margin bisection tolerance (docs/primary-customer.md).</summary>
    public const double BisectionTolerance = 1e-6;

    public static PrimaryCustomerDecision Decide(string strategyKey, AssessmentTable table, ScoringMethod method, double[] weights,
                                                 ScoringContext context, AhpPriorities? criteriaPriorities = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var candidates = table.Candidates;
        var rows = table.CandidateRows;
        string KeyOf(int candidate) => table.Stakeholders[candidates[candidate]].Key;
        double[] scores = rows.Length == 0 ? [] : method.Score(rows, weights);
        var ranks = CompetitionRanking.Ranks(scores);
        int winner = CompetitionRanking.UniqueBest(scores);
        var outcome = rows.Length == 0 ? DecisionOutcome.NoCandidate : winner >= 0 ? DecisionOutcome.Winner : DecisionOutcome.Tie;
        int runnerUp = winner < 0 ? -1 : RunnerUp(scores, winner);
        double? scoreMargin = rows.Length < 2 ? null : winner < 0 ? 0.0 : scores[winner] - scores[runnerUp];

        var margin = WeightMargin.NotApplicable;
        var breakEvens = ImmutableArray<ValueBreakEven>.Empty;
        bool reversal = false;
        if (winner >= 0 && runnerUp >= 0)
        {
            margin = method.ExactWeightMargin(rows, weights, winner, KeyOf) ?? NumericWeightMargin(method, rows, weights, winner, KeyOf);
            breakEvens = method.BreakEvens(rows, weights, scores, winner, runnerUp, KeyOf);
            reversal = IsRankReversalSensitive(method, rows, weights, winner, runnerUp);
        }

        var order = Enumerable.Range(0, rows.Length).OrderBy(i => ranks[i]).ThenBy(i => i).ToArray();
        var cards = ImmutableArray.CreateBuilder<ScoreCard>(table.Stakeholders.Length);
        var cardRanks = ImmutableArray.CreateBuilder<int>(table.Stakeholders.Length);
        foreach (int i in order)
        {
            int s = candidates[i];
            var components = method.Components(rows, weights, i);
            if (table.Salience[s] is { } sal)
                components = components.Add(SalienceText.Component(sal));
            cards.Add(ScoreCard.Ok(strategyKey, ScoreScope.Stakeholder(table.Stakeholders[s].Key), scores[i], ScoreScale.Utility,
                                   table.Criteria.Length, 0, components));
            cardRanks.Add(ranks[i]);
        }
        AddScreenedOut(strategyKey, table, cards, cardRanks);

        return new PrimaryCustomerDecision(strategyKey, winner >= 0 ? KeyOf(winner) : null, cards.ToImmutable(), table.Assumptions, scoreMargin)
        {
            Ranks = cardRanks.ToImmutable(),
            Outcome = outcome,
            Options = method.Options,
            Weights = [.. table.Criteria.Select((c, j) => new CriterionWeight(c.Key, weights[j]))],
            WeightMargin = margin,
            BreakEvens = breakEvens,
            IsRankReversalSensitive = reversal,
            CriteriaPriorities = criteriaPriorities,
            DecidedAt = context.AsOf,
        };
    }

    public static void AddScreenedOut(string strategyKey, AssessmentTable table,
                                      ImmutableArray<ScoreCard>.Builder cards, ImmutableArray<int>.Builder ranks)
    {
        for (int s = 0; s < table.Stakeholders.Length; s++)
        {
            if (table.ScreenedIn[s] || table.Salience[s] is not { } sal)
                continue;
            cards.Add(ScoreCard.WithoutValue(strategyKey, ScoreScope.Stakeholder(table.Stakeholders[s].Key), ScoreScale.Utility, ScoreStatus.NotApplicable,
                $"Screened out: salience class {SalienceText.Kebab(sal.Class)} is below the {SalienceText.Kebab(table.MinimumSalienceGroup)} group the screen requires.",
                table.Criteria.Length, 0, [SalienceText.Component(sal)]));
            ranks.Add(0);
        }
    }

    public static int RunnerUp(IReadOnlyList<double> scores, int winner)
    {
        int best = -1;
        for (int i = 0; i < scores.Count; i++)
        {
            if (i != winner && (best < 0 || scores[i] > scores[best]))
                best = i;
        }
        return best;
    }

    /// <summary>w'ⱼ = wⱼ + δ; w'ₖ = wₖ·(1 − wⱼ − δ)/(1 − wⱼ) (docs/primary-customer.md); rounding below 0 at a bound is clamped to 0.</summary>
    public static double[] Perturb(double[] weights, int j, double delta)
    {
        var w = new double[weights.Length];
        double scale = (1 - weights[j] - delta) / (1 - weights[j]);
        for (int k = 0; k < w.Length; k++)
            w[k] = Math.Max(0.0, k == j ? weights[j] + delta : weights[k] * scale);
        return w;
    }

    /// <summary>Scans δ in steps of 0.001 in each direction to the feasible bound (0 ≤ wⱼ + δ ≤ 1), then bisects to 1e−6;
    /// the reported δ is the end of the final bracket at which the winner has changed.</summary>
    public static WeightMargin NumericWeightMargin(ScoringMethod method, double[][] rows, double[] weights, int winner, Func<int, string> keyOf)
    {
        bool Changed(int j, double delta) => CompetitionRanking.UniqueBest(method.Score(rows, Perturb(weights, j, delta))) != winner;
        WeightMargin best = WeightMargin.Robust;
        double bestAbs = double.PositiveInfinity;
        for (int j = 0; j < weights.Length; j++)
        {
            if (weights[j] >= 1.0)
                continue;
            foreach (int sign in (ReadOnlySpan<int>)[1, -1])
            {
                double bound = sign > 0 ? 1 - weights[j] : weights[j];
                double lo = 0;
                for (int k = 1; ; k++)
                {
                    double hi = Math.Min(k * ScanStep, bound);
                    if (hi >= bestAbs)
                        break;
                    if (Changed(j, sign * hi))
                    {
                        while (hi - lo > BisectionTolerance)
                        {
                            double mid = (lo + hi) / 2;
                            if (Changed(j, sign * mid))
                                hi = mid;
                            else
                                lo = mid;
                        }
                        double delta = sign * hi;
                        var s = method.Score(rows, Perturb(weights, j, delta));
                        bestAbs = hi;
                        best = new WeightMargin(WeightMarginStatus.Found, method.Criteria[j].Key, delta, keyOf(RunnerUp(s, winner)));
                        break;
                    }
                    if (hi >= bound)
                        break;
                    lo = hi;
                }
            }
        }
        return best;
    }

    /// <summary>Recomputes with each non-winning candidate removed and, when scores depend on the other candidates,
    /// with a duplicate of the runner-up added; true when the winner changes (docs/primary-customer.md).</summary>
    public static bool IsRankReversalSensitive(ScoringMethod method, double[][] rows, double[] weights, int winner, int runnerUp)
    {
        for (int b = 0; b < rows.Length; b++)
        {
            if (b == winner)
                continue;
            var reduced = rows.Where((_, i) => i != b).ToArray();
            int w = CompetitionRanking.UniqueBest(method.Score(reduced, weights));
            if (w != (winner < b ? winner : winner - 1))
                return true;
        }
        if (method.DependsOnOtherCandidates)
        {
            double[][] extended = [.. rows, rows[runnerUp]];
            if (CompetitionRanking.UniqueBest(method.Score(extended, weights)) != winner)
                return true;
        }
        return false;
    }
}

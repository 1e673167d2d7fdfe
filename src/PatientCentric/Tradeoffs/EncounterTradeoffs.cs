using System.Collections.Immutable;
using PatientCentric.Scoring;

namespace PatientCentric.Tradeoffs;

/// <summary>Normalises the three encounter metrics, applies the quality floor, weights them with the profile's weights and
/// finds the Pareto front (docs/tradeoffs.md). Customer service, quality of care and cost effectiveness trade off and
/// cannot all be maximised; the front shows which options are not beaten on all three at once.</summary>
/// <remarks>Pure and thread-safe. Dominance compares the normalised values exactly (no tolerance), so the relation is a
/// strict partial order: a dominates b when a ≥ b on all three and a &gt; b on at least one. Identical vectors do not
/// dominate each other and are both kept.</remarks>
public static class EncounterTradeoffs
{
    /// <summary>Assesses <paramref name="options"/>.</summary>
    /// <param name="options">The options, with distinct non-empty names.</param>
    /// <param name="scales">The bounds of each metric.</param>
    /// <param name="weights">The profile's weights (<see cref="Profile.Weights"/>), already normalised.</param>
    /// <param name="qualityFloor">The floor on s_QC, 0 to 1; options strictly below it are <see cref="ScoreStatus.GuardrailBlocked"/>.
    /// The default 0 blocks nothing (host-configured).</param>
    /// <returns>The assessment.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="qualityFloor"/> is outside 0..1.</exception>
    /// <exception cref="ArgumentException">A name is empty or repeated, a raw value is not finite, or the weights are the invalid default.</exception>
    public static TradeoffResult Assess(ReadOnlySpan<EncounterOption> options, MetricScales scales, MetricWeights weights, double qualityFloor = 0)
    {
        ArgumentNullException.ThrowIfNull(scales);
        if (!(qualityFloor is >= 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(qualityFloor), qualityFloor, "The quality floor must be from 0 to 1 inclusive.");
        if (weights.CustomerService + weights.QualityOfCare + weights.CostEffectiveness <= 0)
            throw new ArgumentException("The metric weights are the default (all 0); use a profile's weights.", nameof(weights));
        var names = new HashSet<string>(StringComparer.Ordinal);
        var s = new double[options.Length * 3];
        var status = new ScoreStatus[options.Length];
        var reasons = new string?[options.Length];
        for (int i = 0; i < options.Length; i++)
        {
            var o = options[i];
            if (string.IsNullOrWhiteSpace(o.Name) || !names.Add(o.Name))
                throw new ArgumentException($"options[{i}].Name must be non-empty and unique.", nameof(options));
            double? cs = Normalise(o.CustomerService, scales.CustomerService, i), qc = Normalise(o.QualityOfCare, scales.QualityOfCare, i),
                    ce = Normalise(o.CostEffectiveness, scales.CostEffectiveness, i);
            (s[3 * i], s[(3 * i) + 1], s[(3 * i) + 2]) = (cs ?? double.NaN, qc ?? double.NaN, ce ?? double.NaN);
            if (qc is { } q && q < qualityFloor)
                (status[i], reasons[i]) = (ScoreStatus.GuardrailBlocked, "Quality of care is below the profile's floor, so the option is excluded whatever its weighted score.");
            else if (cs is null || qc is null || ce is null)
                (status[i], reasons[i]) = (ScoreStatus.InsufficientData, "A metric is missing; weights are not re-spread over the others.");
        }

        var assessments = ImmutableArray.CreateBuilder<OptionAssessment>(options.Length);
        var front = ImmutableArray.CreateBuilder<string>();
        string? best = null;
        double bestU = double.NegativeInfinity;
        for (int i = 0; i < options.Length; i++)
        {
            bool ok = status[i] == ScoreStatus.Ok;
            double? u = ok ? (weights.CustomerService * s[3 * i]) + (weights.QualityOfCare * s[(3 * i) + 1]) + (weights.CostEffectiveness * s[(3 * i) + 2]) : null;
            bool onFront = ok && !IsDominated(i, s, status);
            if (onFront)
                front.Add(options[i].Name);
            if (u is { } value && value > bestU + 1e-9)
                (best, bestU) = (options[i].Name, value);
            assessments.Add(new OptionAssessment(options[i].Name, status[i], Nullable(s[3 * i]), Nullable(s[(3 * i) + 1]), Nullable(s[(3 * i) + 2]),
                                                 u, onFront, reasons[i]));
        }
        return new TradeoffResult(weights, qualityFloor, assessments.MoveToImmutable(), front.ToImmutable(), best);
    }

    /// <summary>Returns whether <paramref name="a"/> dominates <paramref name="b"/>: at least as good on every metric and better on one.</summary>
    /// <param name="a">Normalised values of a (CS, QC, CE).</param>
    /// <param name="b">Normalised values of b (CS, QC, CE).</param>
    /// <returns>Whether a dominates b.</returns>
    public static bool Dominates(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        bool better = false;
        for (int m = 0; m < a.Length; m++)
        {
            if (a[m] < b[m])
                return false;
            better |= a[m] > b[m];
        }
        return better;
    }

    private static bool IsDominated(int i, double[] s, ScoreStatus[] status)
    {
        for (int j = 0; j < status.Length; j++)
        {
            if (j != i && status[j] == ScoreStatus.Ok && Dominates(s.AsSpan(3 * j, 3), s.AsSpan(3 * i, 3)))
                return true;
        }
        return false;
    }

    private static double? Normalise(double? raw, MetricBounds bounds, int index)
    {
        if (raw is not { } x)
            return null;
        if (!double.IsFinite(x))
            throw new ArgumentException($"options[{index}] has a raw value that is not finite.");
        return bounds.Normalise(x);
    }

    private static double? Nullable(double value) => double.IsNaN(value) ? null : value;
}

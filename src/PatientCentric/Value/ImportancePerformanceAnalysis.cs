using System.Collections.Immutable;
using PatientCentric.Scoring;

namespace PatientCentric.Value;

/// <summary>Importance–performance analysis and allocation (docs/ipa.md): places attributes in Martilla &amp; James's four
/// quadrants around crosshairs and suggests how to share improvement effort among the "concentrate here" attributes.</summary>
/// <remarks>Source: Martilla JA, James JC (1977), "Importance-performance analysis", Journal of Marketing 41(1):77–79.
/// Allocation: quadrant-A attributes ordered by <c>importance × (best − P)</c>, each given that product's share of the
/// quadrant's total as its effort share. Pure and thread-safe.</remarks>
public static class ImportancePerformanceAnalysis
{
    /// <summary>The largest magnitude of an importance, performance, midpoint or best performance: 1e100, far beyond any
    /// rating or weight, and small enough that crosshairs, gaps and priorities (products of two values) stay finite.</summary>
    internal const double MaximumMagnitude = 1e100;

    /// <summary>Analyses <paramref name="attributes"/>.</summary>
    /// <param name="attributes">One or more attributes with distinct, non-empty names and finite values.</param>
    /// <param name="crosshair">How the crosshairs are drawn; <see cref="CrosshairRule.GrandMeans"/> by default.</param>
    /// <param name="scaleMidpoint">The crosshair on both axes for <see cref="CrosshairRule.ScaleMidpoint"/>; required for it, ignored otherwise.</param>
    /// <param name="bestPerformance">The best achievable performance (such as the scale's top, 5 on a 1–5 scale); by default
    /// the highest performance among the attributes.</param>
    /// <returns>The analysis.</returns>
    /// <exception cref="ArgumentException">No attributes, a name is empty or repeated, a value is not within ±1e100, or the scale
    /// midpoint is missing for <see cref="CrosshairRule.ScaleMidpoint"/>.</exception>
    public static IpaResult Analyse(ReadOnlySpan<ImportancePerformance> attributes, CrosshairRule crosshair = CrosshairRule.GrandMeans,
                                    double? scaleMidpoint = null, double? bestPerformance = null)
    {
        if (attributes.IsEmpty)
            throw new ArgumentException("At least one attribute is needed.", nameof(attributes));
        var names = new HashSet<string>(StringComparer.Ordinal);
        var importance = new double[attributes.Length];
        var performance = new double[attributes.Length];
        for (int i = 0; i < attributes.Length; i++)
        {
            var a = attributes[i];
            if (string.IsNullOrWhiteSpace(a.Name) || !names.Add(a.Name))
                throw new ArgumentException($"attributes[{i}].Name must be non-empty and unique.", nameof(attributes));
            if (!(Math.Abs(a.Importance) <= MaximumMagnitude) || !(Math.Abs(a.Performance) <= MaximumMagnitude))
                throw new ArgumentException($"attributes[{i}] must have an importance and performance within ±1e100.", nameof(attributes));
            importance[i] = a.Importance;
            performance[i] = a.Performance;
        }
        if (bestPerformance is { } b && !(Math.Abs(b) <= MaximumMagnitude))
            throw new ArgumentException("The best performance must be within ±1e100.", nameof(bestPerformance));

        double ic, pc;
        switch (crosshair)
        {
            case CrosshairRule.GrandMeans:
                (ic, pc) = (importance.Average(), performance.Average());
                break;
            case CrosshairRule.Median:
                Array.Sort(importance);
                Array.Sort(performance);
                (ic, pc) = (Quantiles.Median(importance), Quantiles.Median(performance));
                break;
            case CrosshairRule.ScaleMidpoint:
                if (scaleMidpoint is not { } m || !(Math.Abs(m) <= MaximumMagnitude))
                    throw new ArgumentException("A scale midpoint within ±1e100 is required for the ScaleMidpoint crosshair.", nameof(scaleMidpoint));
                (ic, pc) = (m, m);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(crosshair), crosshair, "Unknown crosshair rule.");
        }

        double best = bestPerformance ?? double.NegativeInfinity;
        if (bestPerformance is null)
        {
            foreach (var a in attributes)
                best = Math.Max(best, a.Performance);
        }
        var quadrants = new IpaQuadrant[attributes.Length];
        var priorities = new double[attributes.Length];
        double total = 0;
        int inA = 0;
        for (int i = 0; i < attributes.Length; i++)
        {
            var a = attributes[i];
            quadrants[i] = Place(a.Importance >= ic, a.Performance >= pc);
            if (quadrants[i] == IpaQuadrant.ConcentrateHere)
            {
                inA++;
                priorities[i] = Math.Max(0, a.Importance) * Math.Max(0, best - a.Performance);
                total += priorities[i];
            }
        }
        var placements = ImmutableArray.CreateBuilder<IpaPlacement>(attributes.Length);
        for (int i = 0; i < attributes.Length; i++)
        {
            var a = attributes[i];
            double share = quadrants[i] != IpaQuadrant.ConcentrateHere ? 0 : total > 0 ? priorities[i] / total : 1.0 / inA;
            placements.Add(new IpaPlacement(a.Name, a.Importance, a.Performance, quadrants[i], a.Performance - a.Importance, priorities[i], share));
        }
        var all = placements.MoveToImmutable();
        var order = all.Select((p, i) => (p, i)).Where(x => x.p.Quadrant == IpaQuadrant.ConcentrateHere)
                       .OrderByDescending(x => x.p.Priority).ThenBy(x => x.i).Select(x => x.p.Name).ToImmutableArray();
        return new IpaResult(ic, pc, best, all, order);
    }

    /// <summary>The quadrant of an attribute from whether it is at or above each crosshair.</summary>
    /// <param name="highImportance">Importance ≥ the importance crosshair.</param>
    /// <param name="highPerformance">Performance ≥ the performance crosshair.</param>
    /// <returns>The quadrant.</returns>
    public static IpaQuadrant Place(bool highImportance, bool highPerformance) => (highImportance, highPerformance) switch
    {
        (true, false) => IpaQuadrant.ConcentrateHere,
        (true, true) => IpaQuadrant.KeepUpTheGoodWork,
        (false, false) => IpaQuadrant.LowPriority,
        (false, true) => IpaQuadrant.PossibleOverkill,
    };
}

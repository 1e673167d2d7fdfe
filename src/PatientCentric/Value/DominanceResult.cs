using System.Collections.Immutable;
using System.Numerics;

namespace PatientCentric.Value;

/// <summary>The Shapley / LMG decomposition of R², with Azen &amp; Budescu's (2003) general and conditional dominance (docs/key-drivers.md).</summary>
/// <param name="RespondentCount">n, the complete rows used; <see langword="null"/> for a correlation matrix.</param>
/// <param name="RSquared">R² of the full regression, 0 to 1; equals the sum of <paramref name="GeneralDominance"/>.</param>
/// <param name="Predictors">The p predictors analysed, in the order requested; bit i of a subset mask is predictor i.</param>
/// <param name="GeneralDominance">φⱼ per predictor: the Shapley value, LMG, or general dominance statistic.</param>
/// <param name="AverageContributionByLevel">Per predictor, p values: element k is the mean increase in R² when the predictor
/// joins a subset of k others (conditional dominance; domir's "Include At: k+1"); φⱼ is their mean.</param>
/// <param name="SubsetRSquared">R²(S) for every subset, indexed by its mask (2ᵖ values; element 0, the empty subset, is 0).</param>
/// <param name="DroppedPredictors">Predictors dropped for zero variance.</param>
/// <param name="DeletedRowCount">Rows deleted listwise for a missing value.</param>
public sealed record DominanceResult(long? RespondentCount, double RSquared, ImmutableArray<string> Predictors,
                                     ImmutableArray<double> GeneralDominance, ImmutableArray<ImmutableArray<double>> AverageContributionByLevel,
                                     ImmutableArray<double> SubsetRSquared, ImmutableArray<string> DroppedPredictors, long DeletedRowCount)
{
    /// <summary>The method's stable key, printed with every result: <c>"general-dominance"</c>.</summary>
    public const string Method = "general-dominance";

    /// <summary>Names a subset: its predictors' names joined with <c>+</c> in the order of <see cref="Predictors"/>.</summary>
    /// <param name="mask">A subset mask, 1 to 2ᵖ − 1.</param>
    /// <returns>The name, such as <c>"am+cyl"</c>.</returns>
    public string SubsetName(int mask) =>
        string.Join("+", Enumerable.Range(0, Predictors.Length).Where(i => (mask & (1 << i)) != 0).Select(i => Predictors[i]));

    /// <summary>Lists the non-empty subset masks by size, then by their predictors' positions (lexicographic), the order of
    /// <c>subsetRSquared</c> in the <c>dominance</c> eval.</summary>
    /// <returns>2ᵖ − 1 masks.</returns>
    public ImmutableArray<int> SubsetOrder()
    {
        int p = Predictors.Length;
        var masks = Enumerable.Range(1, (1 << p) - 1).ToArray();
        Array.Sort(masks, (a, b) =>
        {
            int bySize = BitOperations.PopCount((uint)a).CompareTo(BitOperations.PopCount((uint)b));
            if (bySize != 0)
                return bySize;
            // Same size: compare the sorted index lists lexicographically; the lowest differing bit decides.
            int diff = a ^ b, lowest = diff & -diff;
            return (a & lowest) != 0 ? -1 : 1;
        });
        return [.. masks];
    }
}

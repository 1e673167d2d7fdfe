using System.Collections.Immutable;

namespace PatientCentric.Customers;

/// <summary>The TOPSIS result for m alternatives (docs/topsis.md).</summary>
/// <param name="Normalization">The normalisation used.</param>
/// <param name="Weights">The criteria weights used, normalised to sum 1.</param>
/// <param name="Closeness">Each alternative's relative closeness <c>C = D⁻/(D⁺ + D⁻)</c> in [0, 1], in input order; 0.5 when <c>D⁺ + D⁻ = 0</c>.</param>
/// <param name="Ranks">Each alternative's competition rank (1 = largest closeness; closeness within 1e−9 shares the lowest rank), in input order.</param>
/// <param name="Ideal">The ideal alternative <c>A⁺</c> in the weighted normalised space, one value per criterion.</param>
/// <param name="AntiIdeal">The anti-ideal alternative <c>A⁻</c> in the weighted normalised space.</param>
/// <param name="DistanceToIdeal">Each alternative's Euclidean distance <c>D⁺</c> to the ideal.</param>
/// <param name="DistanceToAntiIdeal">Each alternative's Euclidean distance <c>D⁻</c> to the anti-ideal.</param>
public sealed record TopsisResult(TopsisNormalization Normalization, ImmutableArray<double> Weights, ImmutableArray<double> Closeness,
                                  ImmutableArray<int> Ranks, ImmutableArray<double> Ideal, ImmutableArray<double> AntiIdeal,
                                  ImmutableArray<double> DistanceToIdeal, ImmutableArray<double> DistanceToAntiIdeal)
{
    /// <summary>Gets whether more than one alternative has rank 1 (every alternative when all are identical).</summary>
    public bool IsTie => Ranks.Count(r => r == 1) > 1;
}

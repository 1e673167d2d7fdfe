using System.Collections.Immutable;

namespace PatientCentric.Customers;

/// <summary>The priorities of one AHP comparison matrix and its consistency (docs/ahp.md).</summary>
/// <param name="Items">The items, in matrix order.</param>
/// <param name="Weights">The principal right eigenvector, normalised to sum 1, aligned with <paramref name="Items"/>; every weight is positive.</param>
/// <param name="LambdaMax">λmax, the mean over i of <c>(A w)ᵢ / wᵢ</c>; at least n for a reciprocal matrix.</param>
/// <param name="ConsistencyIndex">CI = (λmax − n)/(n − 1); 0 for n ≤ 2.</param>
/// <param name="ConsistencyRatio">CR = CI / RI(n); 0 for n ≤ 2.</param>
/// <param name="RandomIndexTable">The table RI(n) was read from.</param>
/// <param name="RandomIndex">RI(n); 0 for n ≤ 2.</param>
/// <param name="Iterations">How many power-iteration steps were taken (1 to 10,000).</param>
/// <param name="Status">Whether the weights converged and the judgements are acceptably consistent.</param>
public sealed record AhpPriorities(ImmutableArray<string> Items, ImmutableArray<double> Weights, double LambdaMax,
                                   double ConsistencyIndex, double ConsistencyRatio, RandomIndexTable RandomIndexTable,
                                   double RandomIndex, int Iterations, AhpStatus Status)
{
    /// <summary>The largest consistency ratio accepted as consistent (Saaty): 0.10.</summary>
    public const double MaximumConsistentRatio = 0.10;

    /// <summary>Gets whether the consistency ratio is at most <see cref="MaximumConsistentRatio"/> (0.10).</summary>
    public bool IsConsistent => ConsistencyRatio <= MaximumConsistentRatio;

    /// <summary>Returns the weight of <paramref name="item"/>.</summary>
    /// <param name="item">One of <see cref="Items"/>.</param>
    /// <returns>Its weight.</returns>
    /// <exception cref="KeyNotFoundException">The item is not in the matrix.</exception>
    public double WeightOf(string item)
    {
        int i = Items.IndexOf(item, StringComparer.Ordinal);
        return i >= 0 ? Weights[i] : throw new KeyNotFoundException($"\"{item}\" is not an item of this matrix.");
    }
}

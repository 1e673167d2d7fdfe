using System.Collections.Immutable;

namespace PatientCentric.Customers;

/// <summary>TOPSIS, the Technique for Order Preference by Similarity to Ideal Solution, exactly as docs/topsis.md specifies.</summary>
/// <remarks>Source: Hwang CL, Yoon K (1981) <i>Multiple Attribute Decision Making</i>, Springer. Cross-checked against
/// <c>scikit-criteria</c> (<c>TOPSIS</c>), <c>pymcdm</c> (<c>TOPSIS</c>) and R <c>MCDA</c>. Pure and thread-safe.</remarks>
public static class Topsis
{
    /// <summary>Ranks the rows of <paramref name="matrix"/> (alternatives) on its columns (criteria).</summary>
    /// <param name="matrix">m ≥ 1 rows of n ≥ 1 finite values; row i holds alternative i's value on each criterion.</param>
    /// <param name="weights">n weights, 0 or more and not all 0; normalised to sum 1 (scaling them all changes nothing).</param>
    /// <param name="directions">n directions: benefit (more is better) or cost.</param>
    /// <param name="normalization">The normalisation; the default is <see cref="TopsisNormalization.Vector"/>.</param>
    /// <returns>Closeness, ranks, ideal and anti-ideal.</returns>
    /// <exception cref="ArgumentException">The shapes disagree, a value is not finite, a weight is negative or not finite, or all weights are 0.</exception>
    /// <remarks>Steps: normalise; <c>v = w·r</c>; for a benefit column <c>A⁺ = max v</c>, <c>A⁻ = min v</c> (a cost column the
    /// reverse; after min–max every column is a benefit); Euclidean <c>D⁺</c>, <c>D⁻</c>; <c>C = D⁻/(D⁺ + D⁻)</c>, 0.5 when the sum is 0.</remarks>
    public static TopsisResult Rank(IReadOnlyList<IReadOnlyList<double>> matrix, IReadOnlyList<double> weights,
                                    IReadOnlyList<CriterionDirection> directions, TopsisNormalization normalization = TopsisNormalization.Vector)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(directions);
        int m = matrix.Count, n = weights.Count;
        if (m == 0 || n == 0)
            throw new ArgumentException("TOPSIS needs at least one alternative and one criterion.", nameof(matrix));
        if (directions.Count != n)
            throw new ArgumentException("There must be one direction per weight.", nameof(directions));
        if (matrix.Any(r => r.Count != n))
            throw new ArgumentException("Every row must have one value per criterion.", nameof(matrix));
        if (matrix.Any(r => r.Any(x => !double.IsFinite(x))))
            throw new ArgumentException("Every value must be a finite number.", nameof(matrix));
        var w = Weighting.Normalise(weights, nameof(weights));

        var v = new double[m][];
        for (int i = 0; i < m; i++)
            v[i] = new double[n];
        var benefit = new bool[n];
        for (int j = 0; j < n; j++)
        {
            benefit[j] = normalization == TopsisNormalization.MinMax || directions[j] == CriterionDirection.Benefit;
            double min = double.PositiveInfinity, max = double.NegativeInfinity, squares = 0;
            for (int i = 0; i < m; i++)
            {
                double x = matrix[i][j];
                min = Math.Min(min, x);
                max = Math.Max(max, x);
                squares += x * x;
            }
            double norm = Math.Sqrt(squares);
            for (int i = 0; i < m; i++)
            {
                double x = matrix[i][j];
                double r = normalization switch
                {
                    TopsisNormalization.Vector => norm == 0 ? 0 : x / norm,
                    TopsisNormalization.MinMax => max == min ? 1.0
                        : directions[j] == CriterionDirection.Benefit ? (x - min) / (max - min) : (max - x) / (max - min),
                    TopsisNormalization.None => x,
                    _ => throw new ArgumentOutOfRangeException(nameof(normalization), normalization, "Unknown normalisation."),
                };
                v[i][j] = w[j] * r;
            }
        }
        var ideal = new double[n];
        var anti = new double[n];
        for (int j = 0; j < n; j++)
        {
            double hi = v.Max(row => row[j]), lo = v.Min(row => row[j]);
            (ideal[j], anti[j]) = benefit[j] ? (hi, lo) : (lo, hi);
        }
        var dPlus = new double[m];
        var dMinus = new double[m];
        var closeness = new double[m];
        for (int i = 0; i < m; i++)
        {
            double sp = 0, sm = 0;
            for (int j = 0; j < n; j++)
            {
                sp += (v[i][j] - ideal[j]) * (v[i][j] - ideal[j]);
                sm += (v[i][j] - anti[j]) * (v[i][j] - anti[j]);
            }
            dPlus[i] = Math.Sqrt(sp);
            dMinus[i] = Math.Sqrt(sm);
            double total = dPlus[i] + dMinus[i];
            closeness[i] = total == 0 ? 0.5 : dMinus[i] / total;
        }
        return new TopsisResult(normalization, [.. w], [.. closeness], CompetitionRanking.Ranks(closeness), [.. ideal], [.. anti], [.. dPlus], [.. dMinus]);
    }
}

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
    /// <exception cref="ArgumentException">The shapes disagree, a value is not finite, a weight is negative or not finite, or all
    /// weights are 0; or, without normalisation, a distance to the ideal exceeds the double range.</exception>
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

        // Scale-safe throughout: a column is divided by its largest magnitude before squaring (so 1e155 does not overflow to
        // infinity and 5e-324 does not vanish), and without normalisation the whole matrix is divided by a power of two,
        // which changes no closeness (D⁺ and D⁻ scale alike) and is undone exactly on the ideal, anti-ideal and distances.
        double unscale = 1;
        if (normalization == TopsisNormalization.None)
        {
            double largest = matrix.Max(r => r.Max(Math.Abs));
            unscale = largest == 0 ? 1 : Math.ScaleB(1.0, Math.ILogB(largest));   // 2^⌊log₂ largest⌋, finite
        }
        var v = new double[m][];
        for (int i = 0; i < m; i++)
            v[i] = new double[n];
        var benefit = new bool[n];
        for (int j = 0; j < n; j++)
        {
            benefit[j] = normalization == TopsisNormalization.MinMax || directions[j] == CriterionDirection.Benefit;
            double min = double.PositiveInfinity, max = double.NegativeInfinity, largest = 0;
            for (int i = 0; i < m; i++)
            {
                double x = matrix[i][j];
                min = Math.Min(min, x);
                max = Math.Max(max, x);
                largest = Math.Max(largest, Math.Abs(x));
            }
            double squares = 0;
            for (int i = 0; i < m; i++)
            {
                double x = largest == 0 ? 0 : matrix[i][j] / largest;
                squares += x * x;
            }
            double norm = Math.Sqrt(squares);                     // ‖column‖ / largest, in [1, √m]
            bool halve = !double.IsFinite(max - min);             // max − min beyond the double range: work in halves
            for (int i = 0; i < m; i++)
            {
                double x = matrix[i][j];
                double r = normalization switch
                {
                    TopsisNormalization.Vector => largest == 0 ? 0 : x / largest / norm,
                    TopsisNormalization.MinMax => max == min ? 1.0
                        : halve ? (directions[j] == CriterionDirection.Benefit ? ((x / 2) - (min / 2)) / ((max / 2) - (min / 2)) : ((max / 2) - (x / 2)) / ((max / 2) - (min / 2)))
                        : directions[j] == CriterionDirection.Benefit ? (x - min) / (max - min) : (max - x) / (max - min),
                    TopsisNormalization.None => x / unscale,
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
            dPlus[i] *= unscale;
            dMinus[i] *= unscale;
        }
        for (int j = 0; j < n; j++)
        {
            ideal[j] *= unscale;
            anti[j] *= unscale;
        }
        if (dPlus.Any(d => !double.IsFinite(d)) || dMinus.Any(d => !double.IsFinite(d)))
            throw new ArgumentException("The distances to the ideal exceed the double range (about 1.8e308); without normalisation, rescale the values (closeness does not depend on the unit).", nameof(matrix));
        return new TopsisResult(normalization, [.. w], [.. closeness], CompetitionRanking.Ranks(closeness), [.. ideal], [.. anti], [.. dPlus], [.. dMinus]);
    }
}

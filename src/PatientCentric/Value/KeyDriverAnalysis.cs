using System.Collections.Immutable;
using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;

namespace PatientCentric.Value;

/// <summary>Key-driver analysis (docs/key-drivers.md): which predictor items (such as touchpoint ratings) drive an outcome (such as
/// the overall rating), as a decomposition of the regression's R² by Johnson's relative weights (the default) or by the
/// exact Shapley / LMG general dominance statistics.</summary>
/// <remarks>
/// <para>Both methods decompose R² exactly and usually rank drivers alike, but their values differ; results name the method.
/// Sources: Johnson JW (2000), Multivariate Behavioral Research 35(1):1–19, and R <c>rwa</c>; Lindeman, Merenda &amp; Gold
/// (1980); Azen R, Budescu DV (2003), Psychological Methods 8(2):129–148; R <c>relaimpo</c> (<c>lmg</c>) and <c>domir</c>.</para>
/// <para>Pure and thread-safe. Inputs that make the analysis impossible (a singular predictor matrix, an outcome without
/// variance, too few rows) throw <see cref="ArgumentException"/> whose message names the variables but never a row's values.</para>
/// </remarks>
public static class KeyDriverAnalysis
{
    /// <summary>The default cap on p for <see cref="Dominance"/>, which fits 2ᵖ regressions: 15 (32,768 subsets).</summary>
    public const int DefaultMaxDominancePredictors = 15;

    /// <summary>The largest eigenvalue of <c>R_xx</c> treated as zero (singular, collinear predictors): 1e−10. The
    /// eigenvalues of a p×p correlation matrix sum to p.</summary>
    public const double SingularEigenvalue = 1e-10;

    /// <summary>The smallest absolute loading on a null eigenvector for a predictor to be named as collinear: 0.01.</summary>
    public const double CollinearLoading = 0.01;

    /// <summary>Prepares an analysis from raw rows accumulated in <paramref name="rows"/> (listwise deletion, Pearson correlations).</summary>
    /// <param name="rows">The accumulated rows; column i is <paramref name="variables"/>[i].</param>
    /// <param name="variables">The names of the accumulator's columns.</param>
    /// <param name="outcome">The outcome's name.</param>
    /// <param name="predictors">One or more distinct predictor names, none the outcome.</param>
    /// <returns>The checked input.</returns>
    /// <exception cref="ArgumentException">A name is unknown or repeated; fewer than p + 2 complete rows; the outcome has zero
    /// variance; every predictor has zero variance; or the predictors are collinear (the message names them).</exception>
    /// <exception cref="InvalidOperationException">The rows hold values too large for double-precision co-moments
    /// (<see cref="CorrelationAccumulator.Correlations"/>).</exception>
    public static KeyDriverInput FromRows(CorrelationAccumulator rows, ImmutableArray<string> variables, string outcome, ImmutableArray<string> predictors)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (variables.IsDefault || variables.Length != rows.VariableCount)
            throw new ArgumentException($"Name each of the accumulator's {rows.VariableCount} columns.", nameof(variables));
        var (y, xs) = Resolve(variables, outcome, predictors);
        if (rows.Count < xs.Length + 2)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Key-driver analysis of {xs.Length} predictors needs at least {xs.Length + 2} complete rows; {rows.Count} remain after listwise deletion."));
        return Prepare(variables, rows.Correlations().AsSpan(), y, xs, rows.Count, rows.DeletedCount, checkSemiDefinite: false);
    }

    /// <summary>Prepares an analysis from a correlation matrix.</summary>
    /// <param name="matrix">The correlations of the outcome and the predictors (and possibly other variables).</param>
    /// <param name="outcome">The outcome's name, one of the matrix's variables.</param>
    /// <param name="predictors">The predictors; default means every variable but the outcome, in the matrix's order.</param>
    /// <returns>The checked input.</returns>
    /// <exception cref="ArgumentException">A name is unknown or repeated; the matrix of the variables used is not positive
    /// semi-definite; or the predictors are collinear (the message names them).</exception>
    public static KeyDriverInput FromCorrelations(CorrelationMatrix matrix, string outcome, ImmutableArray<string> predictors = default)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (predictors.IsDefault)
            predictors = [.. matrix.Variables.Where(v => !string.Equals(v, outcome, StringComparison.Ordinal))];
        var (y, xs) = Resolve(matrix.Variables, outcome, predictors);
        return Prepare(matrix.Variables, matrix.Values.AsSpan(), y, xs, null, 0, checkSemiDefinite: true);
    }

    /// <summary>Computes Johnson's (2000) relative weights: <c>R_xx = P Δ Pᵀ</c>, <c>Λ = P Δ^½ Pᵀ</c>, <c>β = Λ⁻¹ r_xy</c>,
    /// <c>εⱼ = Σₖ Λⱼₖ² βₖ²</c>, <c>R² = Σ εⱼ</c>.</summary>
    /// <param name="input">The prepared input.</param>
    /// <returns>The weights, in the order of <see cref="KeyDriverInput.Predictors"/>.</returns>
    /// <remarks>Λ is the symmetric square root of <c>R_xx</c>: Z = X Λ⁻¹ are the orthogonal variables closest to X, β their
    /// regression weights on y, and Λⱼₖ² the share of predictor j in Zₖ. Reproduces R <c>rwa::rwa()</c>.</remarks>
    public static RelativeWeightsResult RelativeWeights(KeyDriverInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        int p = input.Predictors.Length;
        double[] vectors = input.Eigenvectors, values = input.Eigenvalues, rxy = input.Rxy;
        // β = P Δ^-½ Pᵀ r_xy; Λ = P Δ^½ Pᵀ.
        var t = new double[p];
        for (int k = 0; k < p; k++)
        {
            double dot = 0;
            for (int i = 0; i < p; i++)
                dot += vectors[(i * p) + k] * rxy[i];
            t[k] = dot / Math.Sqrt(values[k]);
        }
        var beta = new double[p];
        var lambda = new double[p * p];
        for (int j = 0; j < p; j++)
        {
            double b = 0;
            for (int k = 0; k < p; k++)
                b += vectors[(j * p) + k] * t[k];
            beta[j] = b;
            for (int m = j; m < p; m++)
            {
                double l = 0;
                for (int k = 0; k < p; k++)
                    l += vectors[(j * p) + k] * Math.Sqrt(values[k]) * vectors[(m * p) + k];
                lambda[(j * p) + m] = lambda[(m * p) + j] = l;
            }
        }
        double rSquared = 0;
        foreach (double b in beta)
            rSquared += b * b;
        var weights = ImmutableArray.CreateBuilder<RelativeWeight>(p);
        for (int j = 0; j < p; j++)
        {
            double epsilon = 0;
            for (int k = 0; k < p; k++)
                epsilon += lambda[(j * p) + k] * lambda[(j * p) + k] * beta[k] * beta[k];
            weights.Add(new RelativeWeight(input.Predictors[j], epsilon, rSquared > 0 ? 100 * epsilon / rSquared : null, Math.Sign(rxy[j])));
        }
        return new RelativeWeightsResult(input.RespondentCount, rSquared, weights.MoveToImmutable(), input.DroppedPredictors, input.DeletedRowCount);
    }

    /// <summary>Computes the Shapley / LMG general dominance statistics: <c>R²(S) = r_Syᵀ R_SS⁻¹ r_Sy</c> for every subset S,
    /// <c>φⱼ = Σ_{S ⊆ P∖{j}} s!(p − s − 1)!/p! · [R²(S ∪ {j}) − R²(S)]</c>, computed as the mean over sizes k of the average increment at size k.</summary>
    /// <param name="input">The prepared input.</param>
    /// <param name="maxPredictors">The cap on p, 1 to 24; <see cref="DefaultMaxDominancePredictors"/> by default.</param>
    /// <returns>The decomposition; the φⱼ sum to R².</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxPredictors"/> is outside 1..24.</exception>
    /// <exception cref="ArgumentException">p exceeds <paramref name="maxPredictors"/>.</exception>
    /// <remarks>Reproduces R <c>domir::domir()</c> with lm's R² and <c>relaimpo::calc.relimp(type = "lmg")</c>.</remarks>
    public static DominanceResult Dominance(KeyDriverInput input, int maxPredictors = DefaultMaxDominancePredictors)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPredictors, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxPredictors, 24);
        int p = input.Predictors.Length;
        if (p > maxPredictors)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Dominance analysis fits 2^p regressions; {p} predictors exceed the cap of {maxPredictors}. Use relative weights, or fewer predictors."), nameof(input));
        int subsets = 1 << p;
        var r2 = new double[subsets];
        Span<double> a = stackalloc double[maxPredictors * maxPredictors];
        Span<double> b = stackalloc double[maxPredictors];
        Span<int> members = stackalloc int[maxPredictors];
        for (int mask = 1; mask < subsets; mask++)
            r2[mask] = SubsetRSquared(input.Rxx, input.Rxy, p, mask, a, b, members);

        var general = new double[p];
        var levels = ImmutableArray.CreateBuilder<ImmutableArray<double>>(p);
        var sums = new double[p];
        for (int j = 0; j < p; j++)
        {
            Array.Clear(sums);
            int bit = 1 << j;
            for (int mask = 0; mask < subsets; mask++)
            {
                if ((mask & bit) == 0)
                    sums[BitOperations.PopCount((uint)mask)] += r2[mask | bit] - r2[mask];
            }
            var byLevel = new double[p];
            double total = 0;
            for (int k = 0; k < p; k++)
            {
                byLevel[k] = sums[k] / Binomial(p - 1, k);
                total += byLevel[k];
            }
            general[j] = total / p;
            levels.Add(ImmutableCollectionsMarshal.AsImmutableArray(byLevel));
        }
        return new DominanceResult(input.RespondentCount, r2[subsets - 1], input.Predictors, ImmutableCollectionsMarshal.AsImmutableArray(general),
                                   levels.MoveToImmutable(), ImmutableCollectionsMarshal.AsImmutableArray(r2), input.DroppedPredictors, input.DeletedRowCount);
    }

    private static double Binomial(int n, int k)
    {
        double c = 1;
        for (int i = 1; i <= k; i++)
            c = c * (n - k + i) / i;
        return c;
    }

    // R²(S) by Cholesky: R_SS = L Lᵀ, solve L z = r_Sy, R² = zᵀz. R_SS is a principal submatrix of a positive definite
    // matrix, so it is positive definite too.
    private static double SubsetRSquared(double[] rxx, double[] rxy, int p, int mask, Span<double> a, Span<double> z, Span<int> members)
    {
        int s = 0;
        for (int i = 0; i < p; i++)
        {
            if ((mask & (1 << i)) != 0)
                members[s++] = i;
        }
        for (int i = 0; i < s; i++)
        {
            for (int j = 0; j <= i; j++)
                a[(i * s) + j] = rxx[(members[i] * p) + members[j]];
            z[i] = rxy[members[i]];
        }
        for (int j = 0; j < s; j++)
        {
            double d = a[(j * s) + j];
            for (int k = 0; k < j; k++)
                d -= a[(j * s) + k] * a[(j * s) + k];
            d = Math.Sqrt(Math.Max(d, double.Epsilon));
            a[(j * s) + j] = d;
            for (int i = j + 1; i < s; i++)
            {
                double v = a[(i * s) + j];
                for (int k = 0; k < j; k++)
                    v -= a[(i * s) + k] * a[(j * s) + k];
                a[(i * s) + j] = v / d;
            }
        }
        double r2 = 0;
        for (int i = 0; i < s; i++)
        {
            double v = z[i];
            for (int k = 0; k < i; k++)
                v -= a[(i * s) + k] * z[k];
            z[i] = v / a[(i * s) + i];
            r2 += z[i] * z[i];
        }
        return r2;
    }

    private static (int Outcome, int[] Predictors) Resolve(ImmutableArray<string> variables, string outcome, ImmutableArray<string> predictors)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outcome);
        int y = variables.IndexOf(outcome, StringComparer.Ordinal);
        if (y < 0)
            throw new ArgumentException($"The outcome \"{outcome}\" is not one of the variables.", nameof(outcome));
        if (predictors.IsDefaultOrEmpty)
            throw new ArgumentException("At least one predictor is needed.", nameof(predictors));
        var xs = new int[predictors.Length];
        for (int j = 0; j < predictors.Length; j++)
        {
            int x = variables.IndexOf(predictors[j], StringComparer.Ordinal);
            if (x < 0)
                throw new ArgumentException($"The predictor \"{predictors[j]}\" is not one of the variables.", nameof(predictors));
            if (x == y)
                throw new ArgumentException($"\"{outcome}\" is the outcome and cannot also be a predictor.", nameof(predictors));
            if (Array.IndexOf(xs, x, 0, j) >= 0)
                throw new ArgumentException($"The predictor \"{predictors[j]}\" is listed twice.", nameof(predictors));
            xs[j] = x;
        }
        return (y, xs);
    }

    private static KeyDriverInput Prepare(ImmutableArray<string> variables, ReadOnlySpan<double> r, int y, int[] xs, long? n, long deleted, bool checkSemiDefinite)
    {
        int k = variables.Length;
        if (double.IsNaN(r[(y * k) + y]))
            throw new ArgumentException($"The outcome \"{variables[y]}\" has zero variance among the complete rows; nothing can explain it.");
        var keptList = new List<int>(xs.Length);
        var droppedBuilder = ImmutableArray.CreateBuilder<string>();
        foreach (int x in xs)
        {
            if (double.IsNaN(r[(x * k) + x]))
                droppedBuilder.Add(variables[x]);
            else
                keptList.Add(x);
        }
        int[] kept = [.. keptList];
        var dropped = droppedBuilder.ToImmutable();
        if (kept.Length == 0)
            throw new ArgumentException("Every predictor has zero variance among the complete rows.");

        int p = kept.Length;
        var rxx = new double[p * p];
        var rxy = new double[p];
        for (int i = 0; i < p; i++)
        {
            rxy[i] = r[(kept[i] * k) + y];
            for (int j = 0; j < p; j++)
                rxx[(i * p) + j] = r[(kept[i] * k) + kept[j]];
        }
        if (checkSemiDefinite)
        {
            int q = p + 1;   // the outcome and the kept predictors
            var all = new double[q * q];
            for (int i = 0; i < q; i++)
            {
                for (int j = 0; j < q; j++)
                    all[(i * q) + j] = r[((i == 0 ? y : kept[i - 1]) * k) + (j == 0 ? y : kept[j - 1])];
            }
            var allValues = new double[q];
            SymmetricEigen.Decompose(all, q, allValues, new double[q * q]);
            if (allValues.Min() < -SingularEigenvalue)
                throw new ArgumentException("The correlation matrix is not positive semi-definite, so no data could produce it (check for typing errors).");
        }
        var values = new double[p];
        var vectors = new double[p * p];
        SymmetricEigen.Decompose(rxx, p, values, vectors);
        var collinear = new SortedSet<int>();
        for (int e = 0; e < p; e++)
        {
            if (values[e] > SingularEigenvalue)
                continue;
            for (int i = 0; i < p; i++)
            {
                if (Math.Abs(vectors[(i * p) + e]) >= CollinearLoading)
                    collinear.Add(i);
            }
        }
        if (collinear.Count > 0)
            throw new ArgumentException($"The predictors {string.Join(", ", collinear.Select(i => $"\"{variables[kept[i]]}\""))} are collinear " +
                                        "(their correlation matrix is singular); drop or combine one of them.");
        var names = kept.Select(x => variables[x]).ToImmutableArray();
        return new KeyDriverInput(variables[y], names, dropped, n, deleted, rxx, rxy, values, vectors);
    }
}

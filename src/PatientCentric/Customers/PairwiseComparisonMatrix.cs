using System.Collections.Immutable;
using System.Globalization;

namespace PatientCentric.Customers;

/// <summary>A positive reciprocal matrix of AHP judgements over named items: <c>a(i,i) = 1</c> and <c>a(j,i) = 1/a(i,j)</c>
/// (docs/ahp.md).</summary>
/// <remarks>Immutable and thread-safe. Build one from judgements (<see cref="FromJudgements"/>), from full rows
/// (<see cref="FromRows"/>) or as the group aggregate of several (<see cref="GeometricMean"/>).</remarks>
public sealed class PairwiseComparisonMatrix
{
    /// <summary>The relative tolerance within which a judgement and its stated reciprocal agree.</summary>
    public const double ReciprocalTolerance = 1e-9;

    /// <summary>The smallest judgement accepted. Saaty's scale is 1/9 to 9; the range 1e−100..1e100 keeps every power-iteration
    /// sum, weight and λmax within the double range for the orders the random-index tables cover.</summary>
    internal const double MinimumJudgement = 1e-100;

    /// <summary>The largest judgement accepted (see <see cref="MinimumJudgement"/>).</summary>
    internal const double MaximumJudgement = 1e100;

    /// <summary>Whether <paramref name="value"/> is a judgement the matrix accepts: finite and within 1e−100..1e100.</summary>
    internal static bool IsJudgement(double value) => value is >= MinimumJudgement and <= MaximumJudgement;

    private readonly double[] _values;

    private PairwiseComparisonMatrix(ImmutableArray<string> items, double[] values)
    {
        Items = items;
        _values = values;
    }

    /// <summary>Gets the items, in the order of the rows and columns.</summary>
    public ImmutableArray<string> Items { get; }

    /// <summary>Gets the order n of the matrix (the number of items).</summary>
    public int Count => Items.Length;

    /// <summary>Gets <c>a(row, column)</c>: how many times item <paramref name="row"/> outweighs item <paramref name="column"/>.</summary>
    /// <param name="row">The row index, 0 to n − 1.</param>
    /// <param name="column">The column index, 0 to n − 1.</param>
    public double this[int row, int column] => _values[(row * Items.Length) + column];

    /// <summary>Builds the matrix from judgements "row is v times column"; missing reciprocals are completed and the
    /// diagonal is 1.</summary>
    /// <param name="items">The items, distinct, at least one.</param>
    /// <param name="judgements">One judgement per pair (either direction); a pair may be given in both directions if the values are reciprocal.</param>
    /// <returns>The matrix.</returns>
    /// <exception cref="ArgumentException">An item is empty or repeated; a judgement names an unknown item, is not a
    /// positive number from 1e−100 to 1e100, compares an item with itself at a value other than 1, or contradicts another; or a pair has no judgement (the matrix is incomplete).</exception>
    public static PairwiseComparisonMatrix FromJudgements(IEnumerable<string> items, IEnumerable<PairwiseJudgement> judgements)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(judgements);
        var names = CheckItems(items);
        int n = names.Length;
        var index = names.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        var values = new double[n * n];
        for (int i = 0; i < n; i++)
            values[(i * n) + i] = 1.0;
        int k = 0;
        foreach (var j in judgements)
        {
            ArgumentNullException.ThrowIfNull(j, nameof(judgements));
            if (!index.TryGetValue(j.Row, out int r))
                throw new ArgumentException(Invariant($"Judgement {k}: the row \"{j.Row}\" is not one of the items."), nameof(judgements));
            if (!index.TryGetValue(j.Column, out int c))
                throw new ArgumentException(Invariant($"Judgement {k}: the column \"{j.Column}\" is not one of the items."), nameof(judgements));
            if (!IsJudgement(j.Value))
                throw new ArgumentException(Invariant($"Judgement {k}: the value must be a positive number from 1e-100 to 1e100."), nameof(judgements));
            if (r == c)
            {
                if (!Agrees(j.Value, 1.0))
                    throw new ArgumentException(Invariant($"Judgement {k}: an item compared with itself must have the value 1."), nameof(judgements));
            }
            else
            {
                double existing = values[(r * n) + c];
                if (existing != 0 && !Agrees(existing, j.Value))
                    throw new ArgumentException(Invariant($"Judgement {k}: (\"{j.Row}\", \"{j.Column}\") contradicts an earlier judgement of the same pair."), nameof(judgements));
                values[(r * n) + c] = j.Value;
                values[(c * n) + r] = 1.0 / j.Value;
            }
            k++;
        }
        for (int r = 0; r < n; r++)
        {
            for (int c = r + 1; c < n; c++)
            {
                if (values[(r * n) + c] == 0)
                    throw new ArgumentException(Invariant($"The matrix is incomplete: no judgement compares \"{names[r]}\" with \"{names[c]}\"."), nameof(judgements));
            }
        }
        return new PairwiseComparisonMatrix(names, values);
    }

    /// <summary>Builds the matrix from full rows, in the order of <paramref name="items"/>.</summary>
    /// <param name="items">The items, distinct, at least one.</param>
    /// <param name="rows">n rows of n positive finite numbers; the diagonal must be 1 and <c>a(j,i)</c> the reciprocal of <c>a(i,j)</c> (relative tolerance 1e−9).</param>
    /// <returns>The matrix.</returns>
    /// <exception cref="ArgumentException">The shape is not n×n, a value is not a positive number from 1e−100 to 1e100, the diagonal is not 1, or the matrix is not reciprocal.</exception>
    public static PairwiseComparisonMatrix FromRows(IEnumerable<string> items, IEnumerable<IEnumerable<double>> rows)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(rows);
        var names = CheckItems(items);
        int n = names.Length;
        var grid = rows.Select(r => r.ToArray()).ToArray();
        if (grid.Length != n || grid.Any(r => r.Length != n))
            throw new ArgumentException(Invariant($"The matrix must have {n} rows of {n} values, one per item."), nameof(rows));
        var values = new double[n * n];
        for (int r = 0; r < n; r++)
        {
            for (int c = 0; c < n; c++)
            {
                double v = grid[r][c];
                if (!IsJudgement(v))
                    throw new ArgumentException(Invariant($"Row {r}, column {c}: the value must be a positive number from 1e-100 to 1e100."), nameof(rows));
                if (r == c && !Agrees(v, 1.0))
                    throw new ArgumentException(Invariant($"Row {r}, column {c}: the diagonal must be 1."), nameof(rows));
                if (c > r && !Agrees(v * grid[c][r], 1.0))
                    throw new ArgumentException(Invariant($"Row {c}, column {r}: must be the reciprocal of row {r}, column {c}."), nameof(rows));
                values[(r * n) + c] = v;
            }
        }
        return new PairwiseComparisonMatrix(names, values);
    }

    /// <summary>Aggregates individual judgements by the element-wise geometric mean (aggregation of individual
    /// judgements, docs/ahp.md); the result is again a reciprocal matrix.</summary>
    /// <param name="matrices">At least one matrix, all over the same items in the same order.</param>
    /// <returns>The group matrix.</returns>
    /// <exception cref="ArgumentException">No matrix is given, or the items differ.</exception>
    public static PairwiseComparisonMatrix GeometricMean(IEnumerable<PairwiseComparisonMatrix> matrices)
    {
        ArgumentNullException.ThrowIfNull(matrices);
        var all = matrices.ToArray();
        if (all.Length == 0)
            throw new ArgumentException("At least one matrix is needed.", nameof(matrices));
        var items = all[0].Items;
        if (all.Any(m => !m.Items.SequenceEqual(items, StringComparer.Ordinal)))
            throw new ArgumentException("Every matrix must compare the same items in the same order.", nameof(matrices));
        int n = items.Length;
        var values = new double[n * n];
        for (int e = 0; e < values.Length; e++)
        {
            double logSum = 0;
            foreach (var m in all)
                logSum += Math.Log(m._values[e]);
            values[e] = Math.Exp(logSum / all.Length);
        }
        for (int i = 0; i < n; i++)
            values[(i * n) + i] = 1.0;
        return new PairwiseComparisonMatrix(items, values);
    }

    /// <summary>Builds the perfectly consistent matrix <c>a(i,j) = w(i)/w(j)</c> of a weight vector.</summary>
    /// <param name="items">The items.</param>
    /// <param name="weights">One positive finite weight per item.</param>
    /// <returns>The matrix, whose principal eigenvector is <paramref name="weights"/> normalised and whose consistency index is 0.</returns>
    /// <exception cref="ArgumentException">The counts differ, a weight is not positive and finite, or two weights differ by a
    /// factor beyond 1e100 (a ratio the matrix does not hold).</exception>
    public static PairwiseComparisonMatrix FromWeights(IEnumerable<string> items, IEnumerable<double> weights)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(weights);
        var names = CheckItems(items);
        var w = weights.ToArray();
        if (w.Length != names.Length || w.Any(x => !double.IsFinite(x) || x <= 0))
            throw new ArgumentException("One positive finite weight per item is needed.", nameof(weights));
        if (!IsJudgement(w.Max() / w.Min()))
            throw new ArgumentException("The largest weight may be at most 1e100 times the smallest.", nameof(weights));
        int n = w.Length;
        var values = new double[n * n];
        for (int r = 0; r < n; r++)
        {
            for (int c = 0; c < n; c++)
                values[(r * n) + c] = r == c ? 1.0 : w[r] / w[c];
        }
        return new PairwiseComparisonMatrix(names, values);
    }

    private static ImmutableArray<string> CheckItems(IEnumerable<string> items)
    {
        var names = items.ToImmutableArray();
        if (names.IsEmpty)
            throw new ArgumentException("At least one item is needed.", nameof(items));
        if (names.Any(string.IsNullOrWhiteSpace))
            throw new ArgumentException("Every item must be a non-empty name.", nameof(items));
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Length)
            throw new ArgumentException("Every item must appear once.", nameof(items));
        return names;
    }

    internal static bool Agrees(double a, double b) => Math.Abs(a - b) <= ReciprocalTolerance * Math.Max(Math.Abs(a), Math.Abs(b));

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
